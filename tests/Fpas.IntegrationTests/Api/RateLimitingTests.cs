using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary><c>RateLimiting:*</c>: a token bucket per client, reads and writes apart; 429 problem with <c>Retry-After</c>.</summary>
public sealed class RateLimitingTests : DatabaseTest
{
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        var settings = TestTokens.BearerSettings();
        settings["RateLimiting:Writes:TokenLimit"] = "2";
        settings["RateLimiting:Writes:TokensPerPeriod"] = "2";
        settings["RateLimiting:Writes:ReplenishmentPeriod"] = "00:10:00";
        settings["RateLimiting:Reads:TokenLimit"] = "3";
        settings["RateLimiting:Reads:TokensPerPeriod"] = "3";
        settings["RateLimiting:Reads:ReplenishmentPeriod"] = "00:10:00";
        _factory = new ApiFactory(TestDatabase.ConnectionString, settings);
    }

    [OneTimeTearDown]
    public async Task StopServerAsync() => await _factory.DisposeAsync();

    [Test]
    public async Task Writes_OverTheBudget_Are429Problems_WithRetryAfter_PerSubject()
    {
        using var client = Client(TestTokens.Create("items:write", subject: "writer-a"));
        using var other = Client(TestTokens.Create("items:write", subject: "writer-b"));

        using var first = await client.PostAsJsonAsync("/items/", new { name = "a1" });
        using var second = await client.PostAsJsonAsync("/items/", new { name = "a2" });
        using var third = await client.PostAsJsonAsync("/items/", new { name = "a3" });
        using var otherClient = await other.PostAsJsonAsync("/items/", new { name = "b1" });
        using var read = await client.GetAsync("/items/");

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 600));
            Assert.That(otherClient.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another subject has a budget of its own");
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads have a budget of their own");
        });
        await ErrorResponseTests.AssertProblemAsync(third, HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task AnonymousReads_AreLimitedPerAddress_HealthNever()
    {
        using var client = _factory.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/");
            answers.Add(response.StatusCode);
        }

        var health = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/health/live");
            health.Add(response.StatusCode);
        }

        Assert.Multiple(() =>
        {
            Assert.That(answers, Does.Contain(HttpStatusCode.TooManyRequests));
            Assert.That(health, Is.All.EqualTo(HttpStatusCode.OK));
        });
    }

    private HttpClient Client(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
