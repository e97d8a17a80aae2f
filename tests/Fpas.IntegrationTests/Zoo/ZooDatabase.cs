using Fpas.Infrastructure.Persistence;
using Fpas.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Respawn;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>
/// A database of the run's PostgreSQL with the app's tables and the zoo's, created once from the zoo model (the zoo
/// has no migrations: it exists only in these tests) and emptied by Respawn before each zoo test.
/// </summary>
public static class ZooDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Respawner? _respawner;
    private static string? _connectionString;

    public static async Task<string> ResetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_connectionString is null)
            {
                var connectionString = await TestDatabase.CreateEmptyDatabaseAsync();
                await using (var context = new AppDbContext(Options(connectionString)))
                {
                    await context.Database.ExecuteSqlRawAsync(CreateScript(context));
                }

                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
                {
                    DbAdapter = DbAdapter.Postgres,
                    SchemasToInclude = ["public"],
                    WithReseed = true,
                });
                _connectionString = connectionString;
            }

            await using (var connection = new NpgsqlConnection(_connectionString))
            {
                await connection.OpenAsync();
                await _respawner!.ResetAsync(connection);
            }

            return _connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// The zoo's tables. EFCore.NamingConventions gives the second table of a split entity its main table's key name
    /// (both <c>pk_zoo_customer</c>), which PostgreSQL refuses: the split table's key gets its own name here.
    /// </summary>
    private static string CreateScript(AppDbContext context)
    {
        var script = context.Database.GenerateCreateScript();
        var detail = script.IndexOf("CREATE TABLE zoo_customer_detail", StringComparison.Ordinal);
        var key = script.IndexOf("CONSTRAINT pk_zoo_customer PRIMARY KEY", detail, StringComparison.Ordinal);
        return string.Concat(script.AsSpan(0, key), "CONSTRAINT pk_zoo_customer_detail", script.AsSpan(key + "CONSTRAINT pk_zoo_customer".Length));
    }

    public static DbContextOptions<AppDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IModelCustomizer, ZooModelCustomizer>()
            .Options;
}
