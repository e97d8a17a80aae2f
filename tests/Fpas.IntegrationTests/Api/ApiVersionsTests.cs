using System.Net;
using System.Text.Json;
using Fpas.Api.OpenApi;
using Fpas.Api.Versioning;
using Fpas.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// Versions in the URL (ADR 20): a path without a version is version 1, the same as <c>/v1/</c>; <c>/v2/items</c>
/// answers the list as an envelope with the next cursor in the body and every other operation as version 1 does; a
/// deprecated version's answers carry <c>Deprecation</c>, <c>Sunset</c> and <c>Link</c>, and no other answer does.
/// </summary>
public sealed class ApiVersionsTests : ApiTest
{
    [TestCase("/items/?limit=2")]
    [TestCase("/items/{id}")]
    [TestCase("/items/?name__in=a,b,c&order_by=-name&limit=1")]
    public async Task Version1_AtItsPrefix_AnswersByteForByteAsWithout(string path)
    {
        var first = await CreateItemAsync("a", "first");
        await CreateItemAsync("b");
        await CreateItemAsync("c");
        var unversioned = path.Replace("{id}", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var plain = await Client.GetAsync(unversioned);
        using var versioned = await Client.GetAsync("/v1" + unversioned);

        Assert.Multiple(async () =>
        {
            Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await versioned.Content.ReadAsByteArrayAsync(), Is.EqualTo(await plain.Content.ReadAsByteArrayAsync()));
            Assert.That(versioned.Content.Headers.ContentType, Is.EqualTo(plain.Content.Headers.ContentType));
            Assert.That(LinkHeader(versioned), Is.EqualTo(LinkHeader(plain)?.Replace("/items/", "/v1/items/", StringComparison.Ordinal)));
            Assert.That(versioned.Headers.ETag, Is.EqualTo(plain.Headers.ETag));
        });
    }

    [Test]
    public async Task Version1_List_IsStillAnArray_WithANextLink()
    {
        await CreateItemAsync("a");
        await CreateItemAsync("b");

        using var response = await Client.GetAsync("/items/?limit=1");
        var body = await ReadJsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(body.ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(LinkHeader(response), Does.EndWith($"/items/?limit=1&after_id={body[0].GetProperty("id").GetInt64()}>; rel=\"next\""));
        });
    }

    [TestCase("")]
    [TestCase("&name__contains=tem&order_by=-name")]
    public async Task Version2_List_IsAnEnvelope_AndWalkingItsCursorsReturnsEveryRowOnce(string query)
    {
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await CreateItemAsync($"item {i}")).Id);
        }

        var seen = new List<long>();
        var path = "/v2/items/?limit=3" + query;
        for (var pages = 0; path is not null && pages < 10; pages++)
        {
            using var response = await Client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That(response.Headers.Contains("Link"), Is.False, "v2 carries the next page in the body");
            var body = await ReadJsonAsync(response);
            Assert.That(body.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "items", "next_cursor" }));
            var items = body.GetProperty("items").EnumerateArray().ToList();
            seen.AddRange(items.Select(item => item.GetProperty("id").GetInt64()));
            path = body.GetProperty("next_cursor").GetString() is { } cursor
                ? $"/v2/items/?limit=3{query}&cursor={Uri.EscapeDataString(cursor)}"
                : null;
            Assert.That(path is null, Is.EqualTo(items.Count < 3), "a cursor on every full page, none on the last");
        }

        var expected = query.Length == 0 ? ids : ids.AsEnumerable().Reverse().ToList();
        Assert.That(seen, Is.EqualTo(expected));
    }

    [Test]
    public async Task Version2_RefusesACursorOfAnotherQuery_As422()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateItemAsync($"item {i}");
        }

        var first = await ReadJsonAsync(await Client.GetAsync("/v2/items/?limit=2&order_by=name"));
        var cursor = Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!);

        using var response = await Client.GetAsync($"/v2/items/?limit=2&order_by=-name&cursor={cursor}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("cursor", out _), Is.True);
    }

    [Test]
    public async Task Version2_WritesAndReads_AsVersion1Does()
    {
        using var created = await Client.PostAsync("/v2/items/", JsonBody("""{"name": "two", "description": "d"}"""));
        var body = await ReadJsonAsync(created);
        var id = body.GetProperty("id").GetInt64();

        using var read = await Client.GetAsync($"/v2/items/{id}");
        using var readV1 = await Client.GetAsync($"/items/{id}");
        using var changed = await SendAsync(HttpMethod.Put, $"/v2/items/{id}", ("If-Match", created.Headers.ETag!.Tag), """{"name": "three"}""");
        using var deleted = await SendAsync(HttpMethod.Delete, $"/v2/items/{id}", ("If-Match", changed.Headers.ETag!.Tag));
        using var gone = await Client.GetAsync($"/v2/items/{id}");

        Assert.Multiple(async () =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await read.Content.ReadAsStringAsync(), Is.EqualTo(await readV1.Content.ReadAsStringAsync()));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [TestCase("GET", "/v3/items/")]
    [TestCase("GET", "/v0/items/")]
    [TestCase("GET", "/vx/items/")]
    [TestCase("GET", "/v2/")]
    [TestCase("GET", "/openapi/v99.json")]
    [TestCase("PATCH", "/v2/items/1")]
    [TestCase("POST", "/v2/items/1")]
    public async Task UnknownVersionsAndMethods_AreProblems(string method, string path)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.AnyOf(404, 405));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [TestCase("/items/")]
    [TestCase("/v2/items/")]
    [TestCase("/")]
    public async Task WithNothingDeprecated_NoAnswerCarriesDeprecationHeaders(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Contains("Deprecation"), Is.False);
            Assert.That(response.Headers.Contains("Sunset"), Is.False);
            Assert.That(response.Headers.Contains("Link"), Is.False);
        });
    }

    [TestCase("/items/?limit=5", HttpStatusCode.OK)]
    [TestCase("/v1/items/?limit=5", HttpStatusCode.OK)]
    [TestCase("/items/999999", HttpStatusCode.NotFound)]
    public async Task ADeprecatedVersion_CarriesDeprecationSunsetAndLinks(string path, HttpStatusCode status)
    {
        await using var factory = DeprecatingVersion1();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(response.Headers.GetValues("Deprecation"), Is.EqualTo(new[] { "@" + Since.ToUnixTimeSeconds() }));
            Assert.That(response.Headers.GetValues("Sunset"), Is.EqualTo(new[] { "Thu, 01 Jul 2027 00:00:00 GMT" }));
            var links = string.Join(", ", response.Headers.GetValues("Link"));
            Assert.That(links, Does.Contain("<https://example.com/fpas/v1-deprecation>; rel=\"deprecation\""));
            Assert.That(links, Does.Contain("</openapi/v2.json>; rel=\"successor-version\""));
        });
    }

    [TestCase("/v2/items/")]
    [TestCase("/")]
    [TestCase("/health/live")]
    [TestCase("/openapi/v1.json")]
    public async Task ADeprecatedVersion_LeavesOtherVersionsAndNeutralPathsAlone(string path)
    {
        await using var factory = DeprecatingVersion1();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Deprecation"), Is.False);
            Assert.That(response.Headers.Contains("Sunset"), Is.False);
        });
    }

    [Test]
    public async Task ADeprecatedVersionsDocument_MarksItsOperationsDeprecated()
    {
        await using var factory = DeprecatingVersion1();
        using var client = factory.CreateClient();

        var first = await ReadJsonAsync(await client.GetAsync("/openapi/v1.json"));
        var second = await ReadJsonAsync(await client.GetAsync("/openapi/v2.json"));
        static bool Deprecated(JsonElement document, string path) =>
            document.GetProperty("paths").GetProperty(path).GetProperty("get").TryGetProperty("deprecated", out var value) && value.GetBoolean();

        Assert.Multiple(() =>
        {
            Assert.That(Deprecated(first, "/items"), Is.True);
            Assert.That(Deprecated(first, "/items/{id}"), Is.True);
            Assert.That(Deprecated(first, "/"), Is.False, "version-neutral");
            Assert.That(Deprecated(second, "/v2/items"), Is.False);
        });
    }

    [TestCase("ApiVersioning:Deprecated:2:Since", "2027-01-01T00:00:00Z", "the current version cannot be deprecated")]
    [TestCase("ApiVersioning:Deprecated:7:Since", "2027-01-01T00:00:00Z", "there is no version 7")]
    [TestCase("ApiVersioning:Deprecated:1:Sunset", "2027-01-01T00:00:00Z", "ApiVersioning:Deprecated:1:Since is required")]
    [TestCase("ApiVersioning:Deprecated:1:Link", "/relative", "must be an absolute URL")]
    public async Task AnUnusableDeprecation_FailsTheStartUpCheck(string key, string value, string message)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (!key.EndsWith(":Since", StringComparison.Ordinal) && !key.EndsWith(":Sunset", StringComparison.Ordinal))
        {
            settings["ApiVersioning:Deprecated:1:Since"] = "2027-01-01T00:00:00Z";
        }

        await using var factory = new ApiFactory(TestDatabase.ConnectionString, settings);

        Assert.That(() => factory.Services.GetRequiredService<IStartupValidator>().Validate(),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(message));
    }

    [Test]
    public async Task TheExplorer_ListsEveryVersionsDocument()
    {
        using var response = await Client.GetAsync("/docs");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ApiVersions.All.Select(ApiDocumentation.PathOf), Is.All.Matches<string>(path => page.Contains($"\"url\":\"{path[1..]}\"", StringComparison.Ordinal)),
                "Scalar's sources (it resolves their URLs against the app's base path)");
            Assert.That(ApiVersions.All.Select(ApiDocumentation.PathOf), Is.All.Matches<string>(path => page.Contains($"href=\"{path}\"", StringComparison.Ordinal)),
                "a link per document in the page's head, for readers without JavaScript");
        });
    }

    [Test]
    public async Task EachDocument_HoldsItsVersionsPaths()
    {
        var first = await ReadJsonAsync(await Client.GetAsync("/openapi/v1.json"));
        var second = await ReadJsonAsync(await Client.GetAsync("/openapi/v2.json"));
        static IEnumerable<string> Paths(JsonElement document) => document.GetProperty("paths").EnumerateObject().Select(path => path.Name);

        Assert.Multiple(() =>
        {
            Assert.That(Paths(first), Does.Contain("/items").And.Contain("/items/{id}").And.None.StartsWith("/v"));
            Assert.That(Paths(second), Does.Contain("/v2/items").And.Contain("/v2/items/{id}").And.Contain("/").And.No.EqualTo("/items"));
            var list = second.GetProperty("paths").GetProperty("/v2/items").GetProperty("get");
            Assert.That(list.GetProperty("operationId").GetString(), Is.EqualTo("ListItems"));
            Assert.That(list.GetProperty("responses").GetProperty("200").ToString(), Does.Contain("ListPageResponseOfItemResponse"));
        });
    }

    private static readonly DateTimeOffset Since = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ApiFactory DeprecatingVersion1() => new(TestDatabase.ConnectionString, new Dictionary<string, string>
    {
        ["ApiVersioning:Deprecated:1:Since"] = "2027-01-01T00:00:00Z",
        ["ApiVersioning:Deprecated:1:Sunset"] = "2027-07-01T00:00:00Z",
        ["ApiVersioning:Deprecated:1:Link"] = "https://example.com/fpas/v1-deprecation",
    });

    private static string? LinkHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : null;
}
