using Fpas.Api.OpenApi;
using Fpas.Api.Versioning;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// Every version's OpenAPI document lints with Redocly's recommended rules (tools/openapi-lint), 0 errors and 0
/// warnings, with a bearer issuer and with anonymous writes. Needs node and npm (the linter is installed on first use).
/// </summary>
[Category(ExternalProcess.ToolsCategory)]
public sealed class OpenApiLintTests : DatabaseTest
{
    private static readonly string Linter = Path.Combine(ExternalProcess.RepositoryRoot(), "tools", "openapi-lint");

    [OneTimeSetUp]
    public static async Task InstallLinterAsync()
    {
        if (!File.Exists(Path.Combine(Linter, "node_modules", "@redocly", "cli", "bin", "cli.js")))
        {
            var (code, output, error) = await ExternalProcess.RunAsync(Linter, "npm", "ci", "--no-audit", "--no-fund");
            Assert.That(code, Is.Zero, $"npm ci in tools/openapi-lint (needs node 20 and npm): {output}{error}");
        }
    }

    [Test]
    public async Task EveryDocument_LintsClean([Values] bool bearer, [ValueSource(typeof(ApiVersions), nameof(ApiVersions.All))] double version)
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, bearer ? TestTokens.BearerSettings() : null);
        using var client = factory.CreateClient();

        var (code, output) = await LintAsync(await client.GetStringAsync(ApiDocumentation.PathOf(version)));

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Not.Match("(?m)^(error|warning) "), output);
    }

    [Test]
    public async Task TheLinter_FindsADocumentWithoutALicence()
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString);
        using var client = factory.CreateClient();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi.json"))!;
        document["info"]!.AsObject().Remove("license");

        var (_, output) = await LintAsync(document.ToJsonString());

        Assert.That(output, Does.Match("(?m)^warning +info-license: 1"));
    }

    private static async Task<(int Code, string Output)> LintAsync(string document)
    {
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var (code, output, error) = await ExternalProcess.RunAsync(Linter, "node",
                Path.Combine("node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", file, "--config", "redocly.yaml", "--format", "summary");
            return (code, output + error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
