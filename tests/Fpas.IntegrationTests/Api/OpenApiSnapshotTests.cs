using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document is a reviewed file: <c>docs/openapi.json</c> is what the code serves as it ships (a bearer
/// issuer configured), without the host-dependent <c>servers</c>, so every wire change shows up as a diff of it.
/// <c>FPAS_UPDATE_OPENAPI=1</c> rewrites the file from the code instead of comparing.
/// </summary>
public sealed class OpenApiSnapshotTests : DatabaseTest
{
    public const string UpdateVariable = "FPAS_UPDATE_OPENAPI";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public async Task TheCommittedDocument_IsWhatTheCodeServes()
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, TestTokens.BearerSettings());
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi.json"))!.AsObject();
        document.Remove("servers");
        var served = document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var file = Path.Combine(ExternalProcess.RepositoryRoot(), "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, served);
        }

        Assert.That(File.Exists(file), Is.True, $"docs/openapi.json is missing: run {UpdateVariable}=1 scripts/test.sh, review it and commit it");
        Assert.That(served, Is.EqualTo(await File.ReadAllTextAsync(file)),
            $"the served document differs from docs/openapi.json: run {UpdateVariable}=1 scripts/test.sh, review the diff and commit it");
    }
}
