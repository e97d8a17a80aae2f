using System.Net;
using System.Net.Http.Json;
using Fpas.Application.Items;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

public sealed class PagingTests : ApiTest
{
    [Test]
    public async Task List_DefaultsTo100Items()
    {
        await SeedAsync(105);

        var items = await Client.GetFromJsonAsync<ItemResponse[]>("/items/", Json);

        Assert.That(items, Has.Length.EqualTo(100));
    }

    [Test]
    public async Task List_WithLimitAndOffset_ReturnsThatSlice()
    {
        var ids = await SeedAsync(10);

        var items = await Client.GetFromJsonAsync<ItemResponse[]>("/items/?limit=3&offset=4", Json);

        Assert.That(items!.Select(item => item.Id), Is.EqualTo(ids.Skip(4).Take(3)));
    }

    [Test]
    public async Task List_WithAfterId_ReturnsItemsAfterIt()
    {
        var ids = await SeedAsync(10);

        var items = await Client.GetFromJsonAsync<ItemResponse[]>($"/items/?after_id={ids[6]}&limit=100", Json);

        Assert.That(items!.Select(item => item.Id), Is.EqualTo(ids.Skip(7)));
    }

    [Test]
    public async Task FullPage_HasNextLink_InKeysetForm_AndFollowingItWalksEveryItem()
    {
        var ids = await SeedAsync(7);
        var seen = new List<long>();
        string? next = "/items/?limit=3";
        var pages = 0;

        while (next is not null && pages++ < 10)
        {
            using var response = await Client.GetAsync(next);
            var page = (await response.Content.ReadFromJsonAsync<ItemResponse[]>(Json))!;
            seen.AddRange(page.Select(item => item.Id));
            next = NextLink(response);
            if (page.Length == 3)
            {
                Assert.That(next, Does.Contain($"after_id={page[^1].Id}").And.Contain("limit=3"));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(ids));
            Assert.That(pages, Is.EqualTo(3), "two full pages with a next link, then a partial page without one");
        });
    }

    [Test]
    public async Task PageThatIsNotFull_HasNoLinkHeader()
    {
        await SeedAsync(2);

        using var response = await Client.GetAsync("/items/?limit=3");

        Assert.That(response.Headers.Contains("Link"), Is.False);
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=1001", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("offset=-1", "offset")]
    [TestCase("offset=1.5", "offset")]
    [TestCase("after_id=-1", "after_id")]
    [TestCase("after_id=x", "after_id")]
    [TestCase("limit=99999999999999999999", "limit")]
    public async Task List_WithBadPagingParameter_Returns422(string query, string field) =>
        await ItemValidationTests.AssertValidationProblemAsync(await Client.GetAsync($"/items/?{query}"), field);

    [Test]
    public async Task List_AcceptsLimitOf1000() =>
        Assert.That((await Client.GetAsync("/items/?limit=1000")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var link = values.Single();
        Assert.That(link, Does.Match("^<[^>]+>; rel=\"next\"$"));
        return new Uri(link[1..link.IndexOf('>', StringComparison.Ordinal)]).PathAndQuery;
    }

    private async Task<List<long>> SeedAsync(int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await CreateItemAsync($"item {i:D4}")).Id);
        }

        return ids;
    }
}
