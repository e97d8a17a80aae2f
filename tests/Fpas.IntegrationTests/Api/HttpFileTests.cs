using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// The <c>.http</c> file beside each controller runs clean against the API with httpyac (tools/http-requests): every
/// request answers the status it asserts. Needs node and npm (httpyac is installed on first use).
/// </summary>
[Category(ExternalProcess.ToolsCategory)]
public sealed class HttpFileTests : DatabaseTest
{
    private static readonly string Runner = Path.Combine(ExternalProcess.RepositoryRoot(), "tools", "http-requests");
    private static readonly string Controllers = Path.Combine(ExternalProcess.RepositoryRoot(), "src", "Fpas.Api", "Controllers");

    public static IEnumerable<string> Files() => Directory.GetFiles(Controllers, "*.http").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [OneTimeSetUp]
    public static async Task InstallRunnerAsync()
    {
        if (!File.Exists(Path.Combine(Runner, "node_modules", "httpyac", "bin", "httpyac.js")))
        {
            var (code, output, error) = await ExternalProcess.RunAsync(Runner, "npm", "ci", "--no-audit", "--no-fund");
            Assert.That(code, Is.Zero, $"npm ci in tools/http-requests (needs node 20 and npm): {output}{error}");
        }
    }

    [Test]
    public void EveryController_HasItsHttpFile() =>
        Assert.That(Files(), Does.Contain("Items.http"));

    [TestCaseSource(nameof(Files))]
    public async Task EveryRequest_AnswersTheStatusItAsserts(string file)
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString);
        using var client = factory.CreateClient();

        var (code, output, error) = await ExternalProcess.RunAsync(Controllers, "node",
            Path.Combine(Runner, "node_modules", "httpyac", "bin", "httpyac.js"), "send", file, "--all", "--bail", "--output", "short",
            "--var", $"baseUrl={client.BaseAddress!.ToString().TrimEnd('/')}", "--var", "token=none");

        Assert.That(code, Is.Zero, $"{output}\n{error}");
        Assert.That(output, Does.Match(@"(\d+) requests processed \(\1 succeeded\)"), output);
    }
}
