using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Persistence;
using Fpas.Infrastructure.Persistence.Paths;
using Fpas.IntegrationTests.Zoo.Entities;
using Npgsql;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>What the round trip alone cannot show: a row a query filter hides is never changed, and interceptors run.</summary>
public sealed class ZooFilterAndInterceptorTests
{
    [TestCase(WritePathSetting.Auto)]
    [TestCase(WritePathSetting.EfCore)]
    public async Task RowHiddenByAQueryFilter_IsNotFound_ForReadUpdateAndDelete_AndStaysAsItWas(WritePathSetting setting)
    {
        await using var harness = new ZooHarness(await ZooDatabase.ResetAsync(), setting);
        var stored = await harness.Repository<ZooSoftDeleted>().AddAsync(new ZooSoftDeleted { Name = "gone" }, CancellationToken.None);
        await using (var connection = new NpgsqlConnection(harness.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE zoo_soft_deleted SET is_deleted = true", connection);
            await command.ExecuteNonQueryAsync();
        }

        var before = await harness.RowsAsync<ZooSoftDeleted>(stored.Id);
        var patch = new EntityPatch<ZooSoftDeleted>().Set(entity => entity.Name, "changed anyway");

        Assert.Multiple(async () =>
        {
            Assert.That(await harness.Repository<ZooSoftDeleted>().GetByIdAsync(stored.Id, CancellationToken.None), Is.Null);
            Assert.That(await harness.Repository<ZooSoftDeleted>().ListAsync(new(), CancellationToken.None), Is.Empty);
            Assert.That(await harness.Repository<ZooSoftDeleted>().UpdateAsync(stored.Id, patch, VersionCondition.Unconditional, CancellationToken.None), Is.Null);
            Assert.That(await harness.Repository<ZooSoftDeleted>().DeleteAsync(stored.Id, VersionCondition.Unconditional, CancellationToken.None), Is.Null);
            Assert.That(await harness.RowsAsync<ZooSoftDeleted>(stored.Id), Is.EqualTo(before), "the hidden row is unchanged");
        });
    }

    [TestCase(WritePathSetting.Auto)]
    [TestCase(WritePathSetting.EfCore)]
    public async Task NullInARequiredColumn_IsRequiredValueMissing_NamingTheProperty_AndStoresNothing(WritePathSetting setting)
    {
        await using var harness = new ZooHarness(await ZooDatabase.ResetAsync(), setting);

        var missing = Assert.ThrowsAsync<RequiredValueMissingException>(() =>
            harness.Repository<ZooVault>().AddAsync(new ZooVault(null!), CancellationToken.None));

        Assert.Multiple(async () =>
        {
            Assert.That(missing!.PropertyName, Is.EqualTo("secret"));
            Assert.That(await harness.Repository<ZooVault>().ListAsync(new(), CancellationToken.None), Is.Empty);
        });

        var stored = await harness.Repository<ZooPrimitive>().AddAsync(new ZooPrimitive { Tags = ["a"], Scores = [1] }, CancellationToken.None);
        var cleared = Assert.ThrowsAsync<RequiredValueMissingException>(() => harness.Repository<ZooPrimitive>().UpdateAsync(
            stored.Id, new EntityPatch<ZooPrimitive>().Set(entity => entity.Tags, null!), VersionCondition.Unconditional, CancellationToken.None));
        Assert.That(cleared!.PropertyName, Is.EqualTo("tags"));
    }

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.Intercepted))]
    public async Task Interceptors_RunOnEveryRepositoryOperation(ZooCase zooCase)
    {
        ArgumentNullException.ThrowIfNull(zooCase);
        var commands = new ZooCommandInterceptor();
        await using var harness = new ZooHarness(await ZooDatabase.ResetAsync(), WritePathSetting.Auto, new ZooStampInterceptor(), commands);

        await zooCase.RunAsync(harness, singleStatementPath: false);

        Assert.Multiple(() =>
        {
            Assert.That(harness.TakesSingleStatementPath<Fpas.Domain.Items.Item>(), Is.False, "interceptors send every entity type through EF Core");
            if (zooCase.Name.StartsWith("command", StringComparison.Ordinal))
            {
                Assert.That(commands.Seen, Is.SupersetOf(new[] { "INSERT", "UPDATE", "DELETE", "SELECT" }), "statements the command interceptor saw");
            }
        });
    }

    [Test]
    public async Task SaveChangesInterceptor_StampsEveryInsertAndUpdate()
    {
        await using var harness = new ZooHarness(await ZooDatabase.ResetAsync(), WritePathSetting.Auto, new ZooStampInterceptor());

        var created = await harness.Repository<ZooStamped>().AddAsync(new ZooStamped { Name = "plain" }, CancellationToken.None);
        var updated = await harness.Repository<ZooStamped>().UpdateAsync(created.Id,
            new EntityPatch<ZooStamped>().Set(entity => entity.Name, "changed"), VersionCondition.Unconditional, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(created.Stamp, Is.EqualTo("stamped on Added"));
            Assert.That(updated!.Stamp, Is.EqualTo("stamped on Modified"));
            Assert.That((await harness.Repository<ZooStamped>().GetByIdAsync(created.Id, CancellationToken.None))!.Stamp, Is.EqualTo("stamped on Modified"));
        });
    }
}
