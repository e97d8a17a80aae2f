using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// Filter, sort and search on the item list, and cursor paging over them (docs/querying.md), over HTTP. Self-contained:
/// the resource template copies it for a new resource.
/// </summary>
public sealed partial class ItemsQueryTests : ApiTest
{
    private const string Resource = "/items/";

    [Test]
    public async Task Filters_SelectExactlyTheMatchingRows()
    {
        var alpha = await PostAsync("Alpha_1", "red apple", isActive: true);
        var beta = await PostAsync("beta%2", "green apple", isActive: false);
        var gamma = await PostAsync("Gamma 3", null, isActive: true);

        Assert.Multiple(async () =>
        {
            Assert.That(await IdsAsync("is_active=true"), Is.EqualTo(new[] { alpha, gamma }));
            Assert.That(await IdsAsync("is_active=false"), Is.EqualTo(new[] { beta }));
            Assert.That(await IdsAsync("name=Alpha_1"), Is.EqualTo(new[] { alpha }));
            Assert.That(await IdsAsync("name=alpha_1"), Is.Empty, "name= is case-sensitive");
            Assert.That(await IdsAsync("name__in=Gamma%203,Alpha_1,nobody"), Is.EqualTo(new[] { alpha, gamma }));
            Assert.That(await IdsAsync("name__contains=AMM"), Is.EqualTo(new[] { gamma }), "contains ignores case");
            Assert.That(await IdsAsync("name__contains=a%252"), Is.EqualTo(new[] { beta }), "% is an ordinary character");
            Assert.That(await IdsAsync("name__contains=a_1"), Is.EqualTo(new[] { alpha }), "_ is an ordinary character");
            Assert.That(await IdsAsync("name__contains=ha_"), Is.EqualTo(new[] { alpha }));
            Assert.That(await IdsAsync($"id__gt={alpha}&id__lte={gamma}"), Is.EqualTo(new[] { beta, gamma }));
            Assert.That(await IdsAsync($"id__gte={beta}&id__lt={gamma}"), Is.EqualTo(new[] { beta }));
            Assert.That(await IdsAsync("is_active=true&name__contains=mma"), Is.EqualTo(new[] { gamma }), "filters are ANDed");
            Assert.That(await IdsAsync("unknown=1&also__gt=2"), Is.EqualTo(new[] { alpha, beta, gamma }), "other names are ignored");
        });
    }

    [Test]
    public async Task CreatedTimestampBounds_AreInstants_WhateverTheOffset()
    {
        var first = await PostAsync("first", null, isActive: true);
        var firstAt = await CreatedAtAsync(first);
        await Task.Delay(20);
        var second = await PostAsync("second", null, isActive: true);

        var local = Uri.EscapeDataString(firstAt.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
        var utc = Uri.EscapeDataString(firstAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Multiple(async () =>
        {
            Assert.That(await IdsAsync($"created_timestamp__gt={local}"), Is.EqualTo(new[] { second }));
            Assert.That(await IdsAsync($"created_timestamp__gte={utc}"), Is.EqualTo(new[] { first, second }));
            Assert.That(await IdsAsync($"created_timestamp__lte={local}"), Is.EqualTo(new[] { first }));
            Assert.That(await IdsAsync($"created_timestamp__lt={utc}"), Is.Empty);
        });
    }

    [Test]
    public async Task OrderBy_SortsByTheKeys_ThenById()
    {
        var b = await PostAsync("b", null, isActive: true);
        var a = await PostAsync("a", null, isActive: true);
        var c = await PostAsync("c", null, isActive: true);

        Assert.Multiple(async () =>
        {
            Assert.That(await IdsAsync(string.Empty), Is.EqualTo(new[] { b, a, c }), "by id by default");
            Assert.That(await IdsAsync("order_by=name"), Is.EqualTo(new[] { a, b, c }));
            Assert.That(await IdsAsync("order_by=-name"), Is.EqualTo(new[] { c, b, a }));
            Assert.That(await IdsAsync("order_by=-id"), Is.EqualTo(new[] { c, a, b }));
            Assert.That(await IdsAsync("order_by=-created_timestamp"), Is.EqualTo(new[] { c, a, b }));
            Assert.That(await IdsAsync("order_by=created_timestamp,name"), Is.EqualTo(new[] { b, a, c }));
        });
    }

    [Test]
    public async Task Search_MatchesWordsPhrasesAndExclusions_InNameAndDescription()
    {
        var both = await PostAsync("Blue whale", "swims in the deep ocean", isActive: true);
        var name = await PostAsync("Whales of the north", null, isActive: true);
        var description = await PostAsync("Shark", "a blue fish that swims", isActive: true);

        Assert.Multiple(async () =>
        {
            Assert.That(await IdsAsync("q=whale"), Is.EqualTo(new[] { both, name }), "stemmed: whales matches whale");
            Assert.That(await IdsAsync("q=blue%20swims"), Is.EqualTo(new[] { both, description }), "words are ANDed");
            Assert.That(await IdsAsync("q=%22deep%20ocean%22"), Is.EqualTo(new[] { both }), "a phrase");
            Assert.That(await IdsAsync("q=swims%20-ocean"), Is.EqualTo(new[] { description }), "-word excludes");
            Assert.That(await IdsAsync("q=blue&order_by=-id"), Is.EqualTo(new[] { description, both }));
        });
    }

    [Test]
    public async Task WalkingNextLinks_OfAFilteredSortedList_ReturnsEveryRowOnce_WhileOthersChange()
    {
        var kept = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            var id = await PostAsync($"row {i:D2}", null, isActive: i % 3 != 0);
            if (i % 3 != 0)
            {
                kept.Add(id);
            }
        }

        var seen = new List<long>();
        string? next = $"{Resource}?is_active=true&order_by=-name&limit=4&offset=1";
        seen.Add(kept[^1]); // offset=1 skips the first row of -name order
        var page = 0;
        while (next is not null)
        {
            using var response = await Client.GetAsync(next);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), next);
            seen.AddRange(Ids(await ReadJsonAsync(response)));
            next = NextLink(response);
            if (next is not null)
            {
                Assert.That(next, Does.Contain("cursor=").And.Not.Contain("offset=").And.Not.Contain("after_id="));
                // Meanwhile: a new matching row sorts before the cursor, a non-matching one anywhere, and a row already seen goes.
                await PostAsync($"row 00{page}x", null, isActive: true);
                await PostAsync($"row 99{page}", null, isActive: false);
                if (page == 1)
                {
                    using var deleted = await Client.DeleteAsync($"{Resource}{seen[0]}");
                    kept.Remove(seen[0]);
                }

                next = next.Replace("limit=4", page % 2 == 0 ? "limit=5" : "limit=4", StringComparison.Ordinal);
            }

            page++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.Unique, "no row twice");
            Assert.That(seen, Is.SupersetOf(kept), "every row that matched throughout");
            Assert.That(seen.Where(kept.Contains), Is.EqualTo(kept.AsEnumerable().Reverse()), "in -name order");
        });
    }

    [Test]
    public async Task NextLink_IsKeysetByIdForAPlainList_AndACursorOtherwise()
    {
        for (var i = 0; i < 3; i++)
        {
            await PostAsync($"n{i}", null, isActive: true);
        }

        using var plain = await Client.GetAsync($"{Resource}?limit=2&offset=0");
        using var ordered = await Client.GetAsync($"{Resource}?limit=2&order_by=id");
        using var filtered = await Client.GetAsync($"{Resource}?limit=2&is_active=true&offset=1");
        using var notFull = await Client.GetAsync($"{Resource}?limit=5&is_active=true");

        Assert.Multiple(() =>
        {
            Assert.That(NextLink(plain), Does.EndWith("/items/?limit=2&after_id=2"));
            Assert.That(NextLink(ordered), Does.EndWith("/items/?limit=2&after_id=2"), "order_by=id is the default order");
            Assert.That(NextLink(filtered), Does.Match(@"/items/\?limit=2&is_active=true&cursor=[A-Za-z0-9_-]+$"));
            Assert.That(NextLink(notFull), Is.Null);
        });
    }

    [Test]
    public async Task Cursor_BelongsToItsQuery()
    {
        for (var i = 0; i < 3; i++)
        {
            await PostAsync($"c{i}", null, isActive: true);
        }

        using var first = await Client.GetAsync($"{Resource}?limit=1&order_by=name&is_active=true");
        var cursor = CursorOf(NextLink(first)!);
        var tampered = cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];

        Assert.Multiple(async () =>
        {
            Assert.That(await IdsAsync($"limit=1&order_by=name,id&is_active=true&cursor={cursor}"), Has.Count.EqualTo(1), "name is the same as name,id");
            await AssertRefusedAsync($"order_by=-name&is_active=true&cursor={cursor}", "cursor");
            await AssertRefusedAsync($"order_by=name&is_active=false&cursor={cursor}", "cursor");
            await AssertRefusedAsync($"order_by=name&is_active=true&cursor={tampered}", "cursor");
            await AssertRefusedAsync($"order_by=name&is_active=true&offset=0&cursor={cursor}", "cursor");
            await AssertRefusedAsync($"order_by=name&is_active=true&after_id=1&cursor={cursor}", "cursor");
            await AssertRefusedAsync("cursor=not-a-cursor", "cursor");
        });
    }

    [TestCase("is_active__gt=true", "is_active__gt")]
    [TestCase("is_active=yes", "is_active")]
    [TestCase("name__gt=a", "name__gt")]
    [TestCase("name__contains=ab", "name__contains")]
    [TestCase("name__bogus=abc", "name__bogus")]
    [TestCase("id=1", "id")]
    [TestCase("id__gt=x", "id__gt")]
    [TestCase("id__lt=99999999999999999999", "id__lt")]
    [TestCase("created_timestamp__gt=2026-01-01", "created_timestamp__gt")]
    [TestCase("created_timestamp__lt=yesterday", "created_timestamp__lt")]
    [TestCase("order_by=description", "order_by")]
    [TestCase("order_by=is_active", "order_by")]
    [TestCase("order_by=name,-name", "order_by")]
    [TestCase("order_by=", "order_by")]
    [TestCase("q=", "q")]
    [TestCase("name=a&name=b", "name")]
    [TestCase("name=a%00b", "name")]
    public async Task BadParameter_Is422_KeyedByItsName(string query, string key) => await AssertRefusedAsync(query, key);

    [Test]
    public async Task NameIn_TakesAtMost100Values()
    {
        var hundred = string.Join(',', Enumerable.Range(0, 100).Select(i => $"v{i}"));

        Assert.That(await IdsAsync($"name__in={hundred}"), Is.Empty);
        await AssertRefusedAsync($"name__in={hundred},v100", "name__in");
    }

    private async Task AssertRefusedAsync(string query, string key)
    {
        using var response = await Client.GetAsync($"{Resource}?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), query);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var errors = (await ReadJsonAsync(response)).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { key }), query);
    }

    private async Task<long> PostAsync(string name, string? description, bool isActive)
    {
        using var response = await Client.PostAsync(Resource, JsonBody(JsonSerializer.Serialize(new { name, description, is_active = isActive })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await ReadJsonAsync(response)).GetProperty("id").GetInt64();
    }

    private async Task<DateTimeOffset> CreatedAtAsync(long id)
    {
        using var response = await Client.GetAsync($"{Resource}{id}");
        return (await ReadJsonAsync(response)).GetProperty("created_timestamp").GetDateTimeOffset();
    }

    private async Task<List<long>> IdsAsync(string query)
    {
        using var response = await Client.GetAsync($"{Resource}?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{query}: {await response.Content.ReadAsStringAsync()}");
        return Ids(await ReadJsonAsync(response));
    }

    private static List<long> Ids(JsonElement page) => [.. page.EnumerateArray().Select(item => item.GetProperty("id").GetInt64())];

    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links) && LinkNext().Match(links.Single()) is { Success: true } match ? match.Groups[1].Value : null;

    private static string CursorOf(string link) => link[(link.IndexOf("cursor=", StringComparison.Ordinal) + "cursor=".Length)..];

    [GeneratedRegex("^<([^>]+)>; rel=\"next\"$")]
    private static partial Regex LinkNext();
}
