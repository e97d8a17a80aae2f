using System.Net;
using System.Text.Json;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

public sealed class HealthAndDocumentationTests : ApiTest
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_Returns200_WhilePostgreSqlAnswers(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OpenApi_DescribesEveryEndpoint()
    {
        var document = await GetOpenApiAsync();

        var paths = document.GetProperty("paths");
        Assert.Multiple(() =>
        {
            Assert.That(document.GetProperty("openapi").GetString(), Does.StartWith("3."));
            Assert.That(paths.EnumerateObject().Select(path => path.Name), Is.SupersetOf(new[] { "/", "/items", "/items/{id}", "/health/live", "/health/ready" }));
            Assert.That(paths.GetProperty("/items").EnumerateObject().Select(operation => operation.Name), Is.SupersetOf(new[] { "get", "post" }));
            Assert.That(paths.GetProperty("/items/{id}").EnumerateObject().Select(operation => operation.Name), Is.SupersetOf(new[] { "get", "put", "delete" }));
        });
    }

    [Test]
    public async Task OpenApi_NamesEveryOperation_Uniquely_AndStatesTheIdBoundExactly()
    {
        using var response = await Client.GetAsync("/openapi.json");
        var text = await response.Content.ReadAsStringAsync();
        var paths = JsonDocument.Parse(text).RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(operation => operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("responses", out _))
            .Select(operation => (Where: $"{operation.Name} {path.Name}", Id: operation.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null))).ToList();
        var idMaximum = paths.GetProperty("/items/{id}").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "id").GetProperty("schema").GetProperty("maximum");

        Assert.Multiple(() =>
        {
            Assert.That(operations.Where(operation => string.IsNullOrEmpty(operation.Id)).Select(operation => operation.Where), Is.Empty, "operations without an operationId");
            Assert.That(operations.Select(operation => operation.Id), Is.Unique);
            Assert.That(operations.Select(operation => operation.Id), Is.SupersetOf(new[] { "ListItems", "GetItem", "CreateItem", "UpdateItem", "DeleteItem" }));
            Assert.That(idMaximum.GetRawText(), Is.EqualTo("9223372036854775807"), "long.MaxValue, not rounded through a double");
        });
    }

    [Test]
    public async Task OpenApi_SchemasUseSnakeCasePropertyNames()
    {
        var schemas = (await GetOpenApiAsync()).GetProperty("components").GetProperty("schemas");

        var item = schemas.GetProperty("ItemResponse").GetProperty("properties").EnumerateObject().Select(property => property.Name);
        var update = schemas.GetProperty("UpdateItemRequest").GetProperty("properties").EnumerateObject().Select(property => property.Name);
        Assert.Multiple(() =>
        {
            Assert.That(item, Is.EquivalentTo(new[] { "id", "name", "description", "is_active", "created_timestamp" }));
            Assert.That(update, Is.EquivalentTo(new[] { "name", "description", "is_active" }));
        });
    }

    [Test]
    public async Task OpenApi_DescribesErrorResponsesAsProblems()
    {
        var paths = (await GetOpenApiAsync()).GetProperty("paths");

        var getResponses = paths.GetProperty("/items/{id}").GetProperty("get").GetProperty("responses");
        var postResponses = paths.GetProperty("/items").GetProperty("post").GetProperty("responses");
        Assert.Multiple(() =>
        {
            Assert.That(getResponses.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _), Is.True);
            Assert.That(postResponses.EnumerateObject().Select(response => response.Name), Is.SupersetOf(new[] { "200", "400", "413", "415", "422" }));
        });
    }

    [Test]
    public async Task Docs_ServesTheApiExplorerWithoutRedirect()
    {
        using var response = await Client.GetAsync("/docs");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        using var script = await Client.GetAsync("/docs/scalar.js");
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<JsonElement> GetOpenApiAsync()
    {
        using var response = await Client.GetAsync("/openapi.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await ReadJsonAsync(response);
    }

    [Test]
    public async Task OpenApi_DocumentsETags_ConditionalRequests_AndIdempotencyKeys()
    {
        using var response = await Client.GetAsync("/openapi.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        static string[] Headers(JsonElement operation) =>
            [.. operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!)];

        var read = paths.GetProperty("/items/{id}").GetProperty("get");
        var update = paths.GetProperty("/items/{id}").GetProperty("put");
        var create = paths.GetProperty("/items").GetProperty("post");
        Assert.Multiple(() =>
        {
            Assert.That(Headers(read), Is.EqualTo(new[] { "If-None-Match" }));
            Assert.That(read.GetProperty("responses").TryGetProperty("304", out _), Is.True);
            Assert.That(read.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _), Is.True);
            Assert.That(Headers(update), Is.EqualTo(new[] { "If-Match" }));
            Assert.That(update.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "412", "428" }));
            Assert.That(Headers(create), Is.EqualTo(new[] { "Idempotency-Key" }));
            Assert.That(create.GetProperty("responses").TryGetProperty("409", out _), Is.True);
        });
    }
}
