using System.Net;
using Fpas.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Fpas.IntegrationTests.Persistence;

/// <summary><c>Database:MigrateOnStartup</c> with several instances at once, and migrations longer than a request's timeout.</summary>
[NonParallelizable]
public sealed class MigrationStartupTests
{
    private string _database = null!;

    [SetUp]
    public async Task CreateDatabaseAsync() => _database = await TestDatabase.CreateEmptyDatabaseAsync();

    [TearDown]
    public Task DropDatabaseAsync() => TestDatabase.DropDatabaseAsync(_database);

    [Test]
    public async Task InstancesStartedTogether_OnAnEmptyDatabase_AllServe_AndEachMigrationIsAppliedOnce() =>
        await StartTogetherAsync();

    [Test]
    public async Task InstancesStartedTogether_WithoutTheDatabase_CreateIt_AndAllServe()
    {
        await TestDatabase.DropDatabaseAsync(_database);
        await StartTogetherAsync();
    }

    private async Task StartTogetherAsync()
    {
        var factories = Enumerable.Range(0, 3).Select(_ => new ApiFactory(_database, MigrateOnStartup())).ToList();
        try
        {
            // CreateClient starts the host: all three at the same moment, each migrating before it serves.
            var clients = await Task.WhenAll(factories.Select(factory => Task.Run(factory.CreateClient)));
            var ready = await Task.WhenAll(clients.Select(client => client.GetAsync("/health/ready")));

            await using var context = TestDatabase.CreateDbContext(_database);
            var applied = (await context.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(ready.Select(response => response.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
                Assert.That(applied, Is.EquivalentTo(context.Database.GetMigrations()));
                Assert.That(applied, Is.Unique);
            });
        }
        finally
        {
            foreach (var factory in factories)
            {
                await factory.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task WithoutMigrateOnStartup_TheAppLeavesTheSchemaAlone()
    {
        await using var factory = new ApiFactory(_database);
        using var client = factory.CreateClient();

        await using var context = TestDatabase.CreateDbContext(_database);
        Assert.That(await context.Database.GetAppliedMigrationsAsync(), Is.Empty);
    }

    [Test]
    public async Task AfterStartUpMigrations_TheMigrationLockIsReleased_EvenWithoutAResetOnClose()
    {
        // The lock is a session lock on a pooled connection: without the reset on close (ADR 16) only the explicit unlock
        // frees it, and an instance started later would wait for it until that pooled connection closed.
        var database = new NpgsqlConnectionStringBuilder(_database) { NoResetOnClose = true }.ConnectionString;
        await using var factory = new ApiFactory(database, MigrateOnStartup());
        using var client = factory.CreateClient();

        await using var observer = new NpgsqlConnection(_database);
        await observer.OpenAsync();
        await using var locks = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            observer);
        Assert.That((long)(await locks.ExecuteScalarAsync())!, Is.Zero);
    }

    [Test]
    public async Task Migration_WaitingLongerThanTheCommandTimeout_StillCompletes()
    {
        // Another instance holds the migration lock for longer than the request command timeout (1 s here).
        var database = new NpgsqlConnectionStringBuilder(_database) { CommandTimeout = 1 }.ConnectionString;
        await using (var context = TestDatabase.CreateDbContext(_database))
        {
            await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
        }

        await using var holder = new NpgsqlConnection(_database);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("""LOCK TABLE "__EFMigrationsHistory" IN ACCESS EXCLUSIVE MODE""", holder, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        await using var factory = new ApiFactory(database, MigrateOnStartup());
        var starting = Task.Run(factory.CreateClient);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var startedWhileLocked = starting.IsCompleted;
        await transaction.CommitAsync();
        using var client = await starting;

        using var ready = await client.GetAsync("/health/ready");
        Assert.Multiple(() =>
        {
            Assert.That(startedWhileLocked, Is.False, "the migration waited for the lock");
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static Dictionary<string, string> MigrateOnStartup() => new() { ["Database:MigrateOnStartup"] = "true" };
}
