using Fpas.IntegrationTests.Support;

[assembly: RandomOrder]
[assembly: NonParallelizable]

namespace Fpas.IntegrationTests;

/// <summary>Starts the run's PostgreSQL and API host once, and stops them after the last test.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeSetUp]
    public async Task StartAsync()
    {
        await TestContext.Progress.WriteLineAsync(
            $"Test order seed: {RandomOrderAttribute.Seed} (set {RandomOrderAttribute.SeedVariable} to repeat it)");
        await TestDatabase.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await ApiHost.DisposeAsync();
        await TestDatabase.StopAsync();
    }
}
