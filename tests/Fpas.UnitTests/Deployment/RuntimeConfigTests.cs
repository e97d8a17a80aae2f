using System.Text.Json;

namespace Fpas.UnitTests.Deployment;

/// <summary>What the API's build writes into its runtime configuration, read from the file the runtime reads.</summary>
public sealed class RuntimeConfigTests
{
    [Test]
    public void TheApi_RunsTheWorkstationGarbageCollector()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fpas.Api.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.That(properties.GetProperty("System.GC.Server").GetBoolean(), Is.False, "ADR 8: the server GC held more memory for no gain");
    }
}
