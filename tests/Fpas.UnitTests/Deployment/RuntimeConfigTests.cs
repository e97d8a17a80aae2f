using System.Text.Json;

namespace Fpas.UnitTests.Deployment;

/// <summary>What the API's build writes into its runtime configuration, read from the file the runtime reads.</summary>
public sealed class RuntimeConfigTests
{
    private static JsonElement ConfigProperties()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fpas.Api.runtimeconfig.json")));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Test]
    public void TheApi_RunsTheWorkstationGarbageCollector() =>
        Assert.That(ConfigProperties().GetProperty("System.GC.Server").GetBoolean(), Is.False, "ADR 8: the server GC held more memory for no gain");

    [Test]
    public void TheApi_CapsTheGen0Budget_At16MiB() =>
        Assert.That(ConfigProperties().GetProperty("System.GC.Gen0MaxBudget").GetInt64(), Is.EqualTo(16L * 1024 * 1024),
            "ADR 8: without a cap the GC sizes gen0 from the L3 cache");
}
