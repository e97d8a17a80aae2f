using System.Net;
using System.Net.Http.Json;
using Fpas.Application.Items;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// Entity tags and conditional requests (RFC 9110) on one item, over HTTP. Self-contained: the resource template
/// copies this file for a new resource, which proves that every resource gets them from the generic layers.
/// </summary>
public sealed class ItemsConditionalRequestsTests : ApiTest
{
    private const int Racers = 20;

    [Test]
    public async Task ETag_IsStrong_AndChangesOnEveryWrite_AndOnlyThen()
    {
        using var created = await Client.PostAsync("/items/", JsonBody("""{"name": "widget"}"""));
        var id = (await created.Content.ReadFromJsonAsync<ItemResponse>(Json))!.Id;
        var onCreate = StrongETagOf(created);

        var onRead = await ETagOfReadAsync(id);
        var onSecondRead = await ETagOfReadAsync(id);
        using var emptyUpdate = await Client.PutAsync($"/items/{id}", JsonBody("{}"));
        var afterEmptyUpdate = await ETagOfReadAsync(id);
        using var updated = await Client.PutAsync($"/items/{id}", JsonBody("""{"description": "changed"}"""));
        var onUpdate = StrongETagOf(updated);
        using var sameValuesAgain = await Client.PutAsync($"/items/{id}", JsonBody("""{"description": "changed"}"""));
        var onRewrite = StrongETagOf(sameValuesAgain);
        var afterRewrite = await ETagOfReadAsync(id);
        using var deleted = await Client.DeleteAsync($"/items/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(onRead, Is.EqualTo(onCreate), "a read does not change the tag");
            Assert.That(onSecondRead, Is.EqualTo(onCreate));
            Assert.That(StrongETagOf(emptyUpdate), Is.EqualTo(onCreate), "a PUT that changes nothing is no write");
            Assert.That(afterEmptyUpdate, Is.EqualTo(onCreate));
            Assert.That(onUpdate, Is.Not.EqualTo(onCreate), "a write changes the tag");
            Assert.That(onRewrite, Is.Not.EqualTo(onUpdate), "every write changes it, even to the same values");
            Assert.That(afterRewrite, Is.EqualTo(onRewrite), "the answer's tag is the stored one");
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
#if (softDelete)
            Assert.That(StrongETagOf(deleted), Is.Not.EqualTo(onRewrite), "a soft delete is a write: a new tag");
#else
            Assert.That(StrongETagOf(deleted), Is.EqualTo(onRewrite), "a delete answers with the tag of what it deleted");
#endif
        });
    }

    [Test]
    public async Task List_CarriesNoETag()
    {
        await PostItemAsync("widget");

        using var response = await Client.GetAsync("/items/");

        Assert.That(response.Headers.ETag, Is.Null);
    }

    [TestCase("{0}")]
    [TestCase("W/{0}")]
    [TestCase("\"1\", {0}")]
    [TestCase("*")]
    public async Task Read_WithMatchingIfNoneMatch_Is304_WithTheETag_AndNoBody(string format)
    {
        var id = (await PostItemAsync("widget")).Id;
        var etag = await ETagOfReadAsync(id);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/items/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, etag));
        using var response = await Client.SendAsync(request);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo(etag));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task Read_WithAnotherIfNoneMatch_Is200()
    {
        var id = (await PostItemAsync("widget")).Id;
        var stale = await ETagOfReadAsync(id);
        using var write = await Client.PutAsync($"/items/{id}", JsonBody("""{"description": "new"}"""));

        using var response = await SendAsync(HttpMethod.Get, $"/items/{id}", ("If-None-Match", stale));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadFromJsonAsync<ItemResponse>(Json))!.Description, Is.EqualTo("new"));
    }

    [Test]
    public async Task Write_WithCurrentIfMatch_IsApplied()
    {
        var id = (await PostItemAsync("widget")).Id;
        var etag = await ETagOfReadAsync(id);

        using var updated = await SendAsync(HttpMethod.Put, $"/items/{id}", ("If-Match", etag), """{"name": "gadget"}""");
        var newTag = StrongETagOf(updated);
        using var deleted = await SendAsync(HttpMethod.Delete, $"/items/{id}", ("If-Match", newTag));

        Assert.Multiple(() =>
        {
            Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(newTag, Is.Not.EqualTo(etag));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
        using var gone = await Client.GetAsync($"/items/{id}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Write_WithStaleIfMatch_Is412Problem_WithTheCurrentETag_AndChangesNothing(string method)
    {
        var id = (await PostItemAsync("widget", "original")).Id;
        var stale = await ETagOfReadAsync(id);
        using var other = await Client.PutAsync($"/items/{id}", JsonBody("""{"description": "by someone else"}"""));
        var current = StrongETagOf(other);

        using var response = await SendAsync(new HttpMethod(method), $"/items/{id}", ("If-Match", stale), """{"description": "mine"}""");

        var etag = response.Headers.ETag?.ToString();
        await ErrorResponseTests.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var stored = await Client.GetFromJsonAsync<ItemResponse>($"/items/{id}", Json);
        Assert.Multiple(() =>
        {
            Assert.That(etag, Is.EqualTo(current));
            Assert.That(stored!.Description, Is.EqualTo("by someone else"));
        });
    }

    [TestCase("W/{0}")]
    [TestCase("\"not-a-version\"")]
    [TestCase("unquoted")]
    public async Task Write_WithIfMatchThatCannotMatch_Is412(string format)
    {
        var id = (await PostItemAsync("widget")).Id;
        var etag = await ETagOfReadAsync(id);

        using var response = await SendAsync(HttpMethod.Put, $"/items/{id}",
            ("If-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, etag)), """{"name": "x"}""");

        await ErrorResponseTests.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Write_WithIfMatchStar_IsAppliedWhenTheItemExists_And404WhenNot()
    {
        var id = (await PostItemAsync("widget")).Id;

        using var updated = await SendAsync(HttpMethod.Put, $"/items/{id}", ("If-Match", "*"), """{"name": "gadget"}""");
        using var deleted = await SendAsync(HttpMethod.Delete, $"/items/{id}", ("If-Match", "*"));
        using var missing = await SendAsync(HttpMethod.Put, $"/items/{id}", ("If-Match", "*"), """{"name": "x"}""");

        Assert.Multiple(() =>
        {
            Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Write_WithIfMatch_OnAMissingItem_Is404()
    {
        using var update = await SendAsync(HttpMethod.Put, "/items/424242", ("If-Match", "\"5\""), """{"name": "x"}""");
        using var delete = await SendAsync(HttpMethod.Delete, "/items/424242", ("If-Match", "\"5\""));

        await ErrorResponseTests.AssertProblemAsync(update, HttpStatusCode.NotFound);
        await ErrorResponseTests.AssertProblemAsync(delete, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task LostUpdate_IsPrevented_UnderARace_OneWinnerAndTheRest412()
    {
        var id = (await PostItemAsync("widget")).Id;
        var etags = new List<string>();
        for (var i = 0; i < Racers; i++)
        {
            etags.Add(await ETagOfReadAsync(id));
        }

        var results = await Race.RunAsync(Racers, async i =>
        {
            using var response = await SendAsync(HttpMethod.Put, $"/items/{id}", ("If-Match", etags[i]), $$"""{"description": "writer {{i}}"}""");
            return (Writer: i, response.StatusCode);
        });

        var winners = results.Where(result => result.StatusCode == HttpStatusCode.OK).ToList();
        var stored = await Client.GetFromJsonAsync<ItemResponse>($"/items/{id}", Json);
        Assert.Multiple(() =>
        {
            Assert.That(winners, Has.Count.EqualTo(1));
            Assert.That(results.Count(result => result.StatusCode == HttpStatusCode.PreconditionFailed), Is.EqualTo(Racers - 1));
            Assert.That(stored!.Description, Is.EqualTo($"writer {winners.Single().Writer}"));
        });
    }

    [Test]
    public async Task WhenRequired_AWriteWithoutIfMatch_Is428Problem()
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string> { ["Api:RequireIfMatch"] = "true" });
        using var client = factory.CreateClient();
        using var created = await client.PostAsync("/items/", JsonBody("""{"name": "widget"}"""));
        var id = (await created.Content.ReadFromJsonAsync<ItemResponse>(Json))!.Id;

        using var update = await client.PutAsync($"/items/{id}", JsonBody("""{"name": "x"}"""));
        using var delete = await client.DeleteAsync($"/items/{id}");
        using var conditional = new HttpRequestMessage(HttpMethod.Put, $"/items/{id}") { Content = JsonBody("""{"name": "y"}""") };
        conditional.Headers.TryAddWithoutValidation("If-Match", StrongETagOf(created));
        using var withIfMatch = await client.SendAsync(conditional);

        await ErrorResponseTests.AssertProblemAsync(update, (HttpStatusCode)428);
        await ErrorResponseTests.AssertProblemAsync(delete, (HttpStatusCode)428);
        Assert.That(withIfMatch.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<ItemResponse> PostItemAsync(string name, string? description = null)
    {
        using var response = await Client.PostAsJsonAsync("/items/", new { name, description });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await response.Content.ReadFromJsonAsync<ItemResponse>(Json))!;
    }

    private static string StrongETagOf(HttpResponseMessage response)
    {
        var etag = response.Headers.ETag;
        Assert.That(etag, Is.Not.Null, $"{(int)response.StatusCode} without ETag");
        Assert.That(etag!.IsWeak, Is.False);
        return etag.ToString();
    }

    private async Task<string> ETagOfReadAsync(long id)
    {
        using var response = await Client.GetAsync($"/items/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return StrongETagOf(response);
    }
}
