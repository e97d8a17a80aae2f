using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fpas.Api.OpenApi;
using Fpas.Api.Versioning;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// The OpenAPI documents are reviewed files: <c>docs/openapi/v{n}.json</c> is what the code serves for version n as it
/// ships (a bearer issuer configured), without the host-dependent <c>servers</c>, so every wire change shows up as a
/// diff of it. <c>FPAS_UPDATE_OPENAPI=1</c> rewrites the files from the code instead of comparing.
/// </summary>
public sealed class OpenApiSnapshotTests : DatabaseTest
{
    public const string UpdateVariable = "FPAS_UPDATE_OPENAPI";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [TestCaseSource(typeof(ApiVersions), nameof(ApiVersions.All))]
    public async Task TheCommittedDocument_IsWhatTheCodeServes(double version)
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, TestTokens.BearerSettings());
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(ApiDocumentation.PathOf(version)))!.AsObject();
        document.Remove("servers");
        var served = document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var name = $"docs/openapi/{ApiDocumentation.NameOf(version)}.json";
        var file = Path.Combine(ExternalProcess.RepositoryRoot(), name);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, served);
        }

        Assert.That(File.Exists(file), Is.True, $"{name} is missing: run {UpdateVariable}=1 scripts/test.sh, review it and commit it");
        Assert.That(served, Is.EqualTo(await File.ReadAllTextAsync(file)),
            $"the served document differs from {name}: run {UpdateVariable}=1 scripts/test.sh, review the diff and commit it");
    }

    [Test]
    public async Task TheUnversionedPath_ServesVersion1()
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, TestTokens.BearerSettings());
        using var client = factory.CreateClient();

        Assert.That(await client.GetStringAsync(ApiDocumentation.DocumentPath), Is.EqualTo(await client.GetStringAsync(ApiDocumentation.PathOf(ApiVersions.V1))));
    }
}
