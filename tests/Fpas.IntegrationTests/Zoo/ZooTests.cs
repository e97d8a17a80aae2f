using Fpas.Infrastructure.Persistence.Paths;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>
/// Every zoo mapping through every repository operation, on the path the app chooses (<c>Auto</c>) and with EF Core's
/// path forced for all (<c>EfCore</c>): flat entity types run on both paths, the rest on EF Core's.
/// </summary>
[TestFixture(WritePathSetting.Auto)]
[TestFixture(WritePathSetting.EfCore)]
public sealed class ZooTests(WritePathSetting setting)
{
    private ZooHarness _harness = null!;

    [SetUp]
    public async Task CreateHarnessAsync() => _harness = new ZooHarness(await ZooDatabase.ResetAsync(), setting);

    [TearDown]
    public async Task DisposeHarnessAsync() => await _harness.DisposeAsync();

    [TestCaseSource(typeof(ZooCases), nameof(ZooCases.All))]
    public Task Mapping_IsHonouredByEveryRepositoryOperation(ZooCase zooCase)
    {
        ArgumentNullException.ThrowIfNull(zooCase);
        return zooCase.RunAsync(_harness, singleStatementPath: setting == WritePathSetting.Auto && zooCase.SingleStatementEligible);
    }
}
