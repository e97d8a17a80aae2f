using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using Fpas.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Respawn.Graph;
using Testcontainers.PostgreSql;

namespace Fpas.IntegrationTests.Support;

/// <summary>
/// The one PostgreSQL of a test run: the server in <c>FPAS_TEST_CONNECTION</c> when set, otherwise a
/// Testcontainers container. Never another database. The run gets its own database on that server,
/// migrated once; <see cref="ResetAsync"/> empties it before each test (migration history kept).
/// </summary>
public static class TestDatabase
{
    public const string ConnectionVariable = "FPAS_TEST_CONNECTION";
    private const string Image = "postgres:15-alpine";

    private static PostgreSqlContainer? _container;
    private static NpgsqlConnection? _resetConnection;
    private static Respawner? _respawner;
    private static string? _serverConnectionString;
    private static int _resets;
    private static long _resetTicks;

    public static string ConnectionString { get; private set; } = string.Empty;

    public static async Task StartAsync()
    {
        _serverConnectionString = await ResolveServerAsync();
        var databaseName = $"fpas_test_{Guid.NewGuid():N}"[..24];
        await ExecuteOnServerAsync($"CREATE DATABASE \"{databaseName}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = databaseName }.ConnectionString;

        await using (var context = CreateDbContext())
        {
            await context.Database.MigrateAsync();
        }

        _resetConnection = new NpgsqlConnection(ConnectionString);
        await _resetConnection.OpenAsync();
        _respawner = await Respawner.CreateAsync(_resetConnection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("public", "__EFMigrationsHistory")],
            WithReseed = true,
        });
    }

    /// <summary>Empties every table but the migration history and restarts identities.</summary>
    public static async Task ResetAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await _respawner!.ResetAsync(_resetConnection!);
        _resetTicks += Stopwatch.GetTimestamp() - started;
        _resets++;
    }

    /// <summary>
    /// Where start-up migrations connect: PostgreSQL itself. Set by <c>scripts/test.sh --via-pgbouncer</c>, where the run's
    /// other connections go through a transaction pooler, which cannot hold the migrations' session-level lock.
    /// </summary>
    public const string DirectConnectionVariable = "FPAS_TEST_DIRECT_CONNECTION";

    /// <summary>
    /// A new, empty database for start-up migrations (on PostgreSQL directly when <see cref="DirectConnectionVariable"/>
    /// is set); drop it with <see cref="DropDatabaseAsync"/>.
    /// </summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var databaseName = $"fpas_extra_{Guid.NewGuid():N}"[..24];
        var server = Environment.GetEnvironmentVariable(DirectConnectionVariable) ?? _serverConnectionString;
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        var databaseName = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one SQL statement on the run's database (positional parameters $1, $2, ...); returns the rows it touched.</summary>
    public static async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of one SQL query on the run's database.</summary>
    public static async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static AppDbContext CreateDbContext(string? connectionString = null) =>
        new(AppDbContext.CreateOptions(connectionString ?? ConnectionString));

    public static async Task StopAsync()
    {
        if (_resets > 0)
        {
            var averageMs = Stopwatch.GetElapsedTime(0, _resetTicks).TotalMilliseconds / _resets;
            // The runner shows no output after the last test, so the figure goes next to the test binaries.
            await File.WriteAllTextAsync(
                Path.Combine(TestContext.CurrentContext.WorkDirectory, "respawn-reset-timing.txt"),
                $"{_resets} resets, {averageMs:F2} ms on average{Environment.NewLine}");
        }

        if (_resetConnection is not null)
        {
            await _resetConnection.DisposeAsync();
        }

        if (_serverConnectionString is not null && ConnectionString.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            var databaseName = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static async Task<string> ResolveServerAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                await using var connection = new NpgsqlConnection(configured);
                await connection.OpenAsync();
            }
            catch (Exception exception) when (exception is NpgsqlException or ArgumentException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"{ConnectionVariable} is set, but PostgreSQL cannot be reached with it: {exception.Message}", exception);
            }

            return configured;
        }

        try
        {
            _container = new PostgreSqlBuilder(Image).Build();
            await _container.StartAsync();
            return _container.GetConnectionString();
        }
        catch (DockerUnavailableException exception)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the integration tests: {ConnectionVariable} is not set and Docker is unavailable. " +
                $"Set {ConnectionVariable} to a PostgreSQL connection string, or run scripts/test.sh, which starts a private server.",
                exception);
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
