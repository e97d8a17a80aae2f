using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations before the app serves, when <c>Database:MigrateOnStartup</c> is true. Instances started
/// together are safe: the whole run holds a PostgreSQL advisory lock, so the others wait (up to
/// <c>Database:MigrationTimeout</c>) and then find nothing pending.
/// </summary>
/// <remarks>
/// EF Core's own lock is not enough: Npgsql's provider takes it per migration transaction, so with two or more pending
/// migrations a second instance got in between and applied a migration twice ("relation already exists").
/// Migrations run on connections of their own, without multiplexing (which ignores a per-command timeout) and with
/// <c>Database:MigrationTimeout</c> as the command timeout instead of the 3 s meant for requests.
/// </remarks>
internal sealed partial class DatabaseMigrator(IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.MigrateOnStartup)
        {
            return;
        }

        var connectionString = MigrationConnectionString(settings);
        var context = new AppDbContext(AppDbContext.CreateOptions(connectionString));
        await using (context)
        {
            await CreateDatabaseIfMissingAsync(context, cancellationToken);
            var lockConnection = new NpgsqlConnection(connectionString);
            await using (lockConnection)
            {
                await lockConnection.OpenAsync(cancellationToken);
                await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken);
                try
                {
                    var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                    await context.Database.MigrateAsync(cancellationToken);
                    LogMigrated(logger, pending.Count);
                }
                finally
                {
                    await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The advisory lock of start-up migrations (advisory locks belong to one database).</summary>
    internal const long MigrationLockKey = 0x6670_6173_6d69_67; // "fpasmig"

    /// <summary>As <c>MigrateAsync</c> would, before the lock (which needs the database): another instance may create it first.</summary>
    private static async Task CreateDatabaseIfMissingAsync(AppDbContext context, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by an instance that started at the same moment.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection) { Parameters = { new("key", MigrationLockKey) } };
        await using (command)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    internal static string MigrationConnectionString(DatabaseOptions settings) =>
        new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            Multiplexing = false,
            CommandTimeout = (int)Math.Ceiling(settings.MigrationTimeout.TotalSeconds),
        }.ConnectionString;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated: {Count} pending migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, int count);
}
