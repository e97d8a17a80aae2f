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
    public async Task Migration_WaitingLongerThanTheCommandTimeout_StillCompletes()
    {
        // Another instance holds the migration lock for longer than the 3 s request command timeout.
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

        await using var factory = new ApiFactory(_database, MigrateOnStartup());
        var starting = Task.Run(factory.CreateClient);
        await Task.Delay(TimeSpan.FromSeconds(4.5));
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
