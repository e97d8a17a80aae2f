using System.Net;
using System.Net.Http.Json;
using Fpas.Application.Items;
using Fpas.Infrastructure.Idempotency;
using Fpas.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST</c>, over HTTP against PostgreSQL. Self-contained: the resource template copies
/// this file for a new resource, which proves that every resource's POST gets it from the generic layers.
/// </summary>
public sealed class ItemsIdempotencyTests : ApiTest
{
    private const int Racers = 20;

    [Test]
    public async Task Repeat_WithSameKeyAndBody_ReplaysTheFirstAnswer_AndCreatesOneItem()
    {
        using var first = await PostAsync("key-1", """{"name": "widget"}""");
        var firstBody = await first.Content.ReadAsStringAsync();

        using var repeat = await PostAsync("key-1", """{"name": "widget"}""");

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await repeat.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
            Assert.That(repeat.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(repeat.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(repeat.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(await CountItemsAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Key_IsTheSameQuotedOrNot_AndPathsWithAndWithoutSlashAreOneResource()
    {
        using var first = await PostAsync("key-1", """{"name": "widget"}""");

        using var repeat = await PostAsync("\"key-1\"", """{"name": "widget"}""", path: "/items");

        Assert.That(repeat.Headers.Contains("Idempotent-Replayed"), Is.True);
        Assert.That(await CountItemsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Repeat_WithAnotherBody_Is422Problem_AndCreatesNothing()
    {
        using var first = await PostAsync("key-1", """{"name": "widget"}""");

        using var other = await PostAsync("key-1", """{"name": "gadget"}""");

        await ErrorResponseTests.AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.That(await CountItemsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task FailedRequest_IsNotKept_SoTheKeyCanBeRetriedWithACorrectedBody()
    {
        await PostItemAsync("widget");
        using var invalid = await PostAsync("key-1", """{"name": ""}""");
        using var taken = await PostAsync("key-1", """{"name": "widget"}""");

        using var corrected = await PostAsync("key-1", """{"name": "gadget"}""");

        Assert.Multiple(() =>
        {
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task ConcurrentRepeats_CreateExactlyOneItem_AndEachAnswerIsTheSame200OrA409()
    {
        var answers = await Race.RunAsync(Racers, async _ =>
        {
            using var response = await PostAsync("contested-key", """{"name": "widget"}""");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(),
                Type: response.Content.Headers.ContentType?.MediaType, RetryAfter: response.Headers.RetryAfter);
        });

        var successes = answers.Where(answer => answer.StatusCode == HttpStatusCode.OK).ToList();
        var conflicts = answers.Where(answer => answer.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(await CountItemsAsync(), Is.EqualTo(1));
            Assert.That(successes, Is.Not.Empty);
            Assert.That(successes.Select(answer => answer.Body).Distinct().Count(), Is.EqualTo(1), "every 200 is the same answer");
            Assert.That(successes.Count + conflicts.Count, Is.EqualTo(Racers), string.Join(", ", answers.Select(answer => answer.StatusCode)));
            Assert.That(conflicts.Select(answer => answer.Type), Has.All.EqualTo("application/problem+json"));
            Assert.That(conflicts.Select(answer => answer.RetryAfter), Has.All.Not.Null);
        });
    }

    [Test]
    public async Task Replay_SurvivesARestart_OfTheApp()
    {
        string firstBody;
        await using (var before = new ApiFactory(TestDatabase.ConnectionString))
        {
            using var client = before.CreateClient();
            using var first = await PostAsync(client, "key-1", """{"name": "widget"}""");
            firstBody = await first.Content.ReadAsStringAsync();
        }

        await using var after = new ApiFactory(TestDatabase.ConnectionString);
        using var restarted = after.CreateClient();
        using var repeat = await PostAsync(restarted, "key-1", """{"name": "widget"}""");

        Assert.Multiple(async () =>
        {
            Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await repeat.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
            Assert.That(repeat.Headers.Contains("Idempotent-Replayed"), Is.True);
        });
    }

    [Test]
    public async Task ExpiredKeys_AreDeleted_AndTheKeyIsFreeAgain()
    {
        using var first = await PostAsync("old-key", """{"name": "widget"}""");
        using var kept = await PostAsync("new-key", """{"name": "gadget"}""");
        await ExpireAsync("old-key");

        var deleted = await ApiHost.Factory.Services.GetRequiredService<IdempotencyKeyCleanup>().DeleteExpiredAsync(CancellationToken.None);
        using var reused = await PostAsync("old-key", """{"name": "another"}""");
        using var replayed = await PostAsync("new-key", """{"name": "gadget"}""");

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That(await CountKeysAsync(), Is.EqualTo(2), "new-key, and old-key used again");
            Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reused.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(replayed.Headers.Contains("Idempotent-Replayed"), Is.True);
        });
    }

    [Test]
    public async Task ExpiredKeys_AreDeletedByTheAppItself_EveryCleanupInterval()
    {
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string> { ["Idempotency:CleanupInterval"] = "00:00:00.200" });
        using var client = factory.CreateClient();
        using var expiring = await PostAsync(client, "expiring", """{"name": "widget"}""");
        using var kept = await PostAsync(client, "kept", """{"name": "gadget"}""");
        await ExpireAsync("expiring");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await CountKeysAsync() > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.That(await TestDatabase.ScalarAsync<string>("SELECT string_agg(key, ',') FROM idempotency_key"), Is.EqualTo("kept"));
    }

    [Test]
    public async Task ExpiredKey_IsNotReplayed_EvenBeforeTheCleanUpRuns()
    {
        using var first = await PostAsync("key-1", """{"name": "widget"}""");
        await ExpireAsync("key-1");

        using var again = await PostAsync("key-1", """{"name": "gadget"}""");

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await CountItemsAsync(), Is.EqualTo(2));
    }

    [TestCase("")]
    [TestCase("\"\"")]
    [TestCase("has space")]
    [TestCase("\"unterminated")]
    [TestCase("\"a\"b\"")]
    [TestCase("\"bad\\escape\"")]
    public async Task InvalidKey_Is400Problem(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items/") { Content = JsonBody("""{"name": "widget"}""") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        await ErrorResponseTests.AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.That(await CountItemsAsync(), Is.Zero);
    }

    [Test]
    public async Task KeyOf255Characters_IsAccepted_And256IsNot()
    {
        using var longest = await PostAsync(new string('k', 255), """{"name": "widget"}""");
        using var tooLong = await PostAsync(new string('k', 256), """{"name": "gadget"}""");

        Assert.That(longest.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ErrorResponseTests.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task TwoKeyFields_Are400Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items/") { Content = JsonBody("""{"name": "widget"}""") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["a", "b"]);

        await ErrorResponseTests.AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.BadRequest);
    }

    private Task<HttpResponseMessage> PostAsync(string key, string json, string path = "/items/") => PostAsync(Client, key, json, path);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string json, string path = "/items/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonBody(json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private async Task<ItemResponse> PostItemAsync(string name)
    {
        using var response = await Client.PostAsJsonAsync("/items/", new { name });
        return (await response.Content.ReadFromJsonAsync<ItemResponse>(Json))!;
    }

    private async Task<int> CountItemsAsync() => (await Client.GetFromJsonAsync<ItemResponse[]>("/items/", Json))!.Length;

    private static async Task ExpireAsync(string key) =>
        Assert.That(await TestDatabase.ExecuteAsync("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = $1", key), Is.EqualTo(1));

    private static Task<long> CountKeysAsync() => TestDatabase.ScalarAsync<long>("SELECT count(*) FROM idempotency_key");
}
