using System.Text.Json.Nodes;

namespace Fpas.UnitTests.OpenApi;

/// <summary>
/// Each version's committed document (<c>docs/openapi/v{n}.json</c>, which a test keeps equal to what the code serves)
/// breaks nothing for clients of its released copy (<c>docs/openapi/released/v{n}.json</c>); and the checker catches
/// each kind of break on copies of the committed document changed the way a careless change would.
/// </summary>
public sealed class BreakingChangesTests
{
    private static readonly string Docs = Path.Combine(SolutionDirectory.Path, "docs");

    public static IEnumerable<string> ReleasedVersions() =>
        Directory.GetFiles(Path.Combine(Docs, "openapi", "released"), "v*.json").Select(Path.GetFileName).OfType<string>().Order();

    [Test]
    public void Version1_HasAReleasedCopy() => Assert.That(ReleasedVersions(), Does.Contain("v1.json"));

    [TestCaseSource(nameof(ReleasedVersions))]
    public void TheCommittedDocument_BreaksNothing_ForClientsOfTheReleasedOne(string version) =>
        Assert.That(BreakingChanges.Between(Load($"openapi/released/{version}"), Load($"openapi/{version}")), Is.Empty,
            "a breaking change within one version: keep the old shape, or serve the new one as a new version");

    [Test]
    public void Additions_Pass()
    {
        var after = Load("openapi/v1.json");
        Schema(after, "ItemResponse")["properties"]!.AsObject()["colour"] = new JsonObject { ["type"] = "string" };
        Operation(after, "/items", "get")["parameters"]!.AsArray().Add(new JsonObject { ["name"] = "colour", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } });
        after["paths"]!.AsObject()["/colours"] = new JsonObject { ["get"] = new JsonObject { ["responses"] = new JsonObject() } };

        Assert.That(BreakingChanges.Between(Load("openapi/v1.json"), after), Is.Empty);
    }

    [Test]
    public void ARemovedResponseProperty_IsCaught()
    {
        var after = Load("openapi/v1.json");
        Schema(after, "ItemResponse")["properties"]!.AsObject().Remove("description");

        Assert.That(BreakingChanges.Between(Load("openapi/v1.json"), after), Has.Some.Contains("removed property description"));
    }

    [Test]
    public void ANewRequiredParameter_IsCaught()
    {
        var after = Load("openapi/v1.json");
        Operation(after, "/items", "get")["parameters"]!.AsArray().Add(new JsonObject { ["name"] = "tenant", ["in"] = "query", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });

        Assert.That(BreakingChanges.Between(Load("openapi/v1.json"), after), Has.Some.EqualTo("GET /items: new required parameter tenant"));
    }

    [Test]
    public void RemovedPathsOperationsAndStatusCodes_ANarrowedType_AndANewRequiredRequestProperty_AreCaught()
    {
        var after = Load("openapi/v1.json");
        after["paths"]!.AsObject().Remove("/");
        after["paths"]!["/items/{id}"]!.AsObject().Remove("delete");
        Operation(after, "/items/{id}", "get")["responses"]!.AsObject().Remove("404");
        Schema(after, "ItemResponse")["properties"]!["description"]!["type"] = "string";
        var create = Schema(after, "CreateItemRequest");
        create["required"] = new JsonArray("name", "description");

        var found = BreakingChanges.Between(Load("openapi/v1.json"), after);

        Assert.That(found, Is.SupersetOf(new[]
        {
            "removed path /",
            "removed operation DELETE /items/{id}",
            "GET /items/{id}: removed status code 404",
            "GET /items/{id} 200 response.description: type narrowed from \"null\"|\"string\" to \"string\"",
        }));
        Assert.That(found, Has.Some.Contains("POST /items request body: new required property description"));
    }

    private static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Docs, file)))!.AsObject();

    private static JsonObject Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    private static JsonObject Operation(JsonObject document, string path, string method) => document["paths"]![path]![method]!.AsObject();
}
