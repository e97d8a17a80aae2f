using System.Diagnostics;
using System.Net;
using Fpas.IntegrationTests.Support;
using Npgsql;

namespace Fpas.IntegrationTests.Api;

/// <summary>While PostgreSQL is unreachable the API answers 503 quickly, and it recovers by itself.</summary>
public sealed class OutageTests : DatabaseTest
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private TcpProxy _proxy = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void StartApiBehindProxy()
    {
        var database = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString);
        _proxy = new TcpProxy(database.Host!, database.Port);
        database.Host = "127.0.0.1";
        database.Port = _proxy.Port;
        _api = new ApiFactory(database.ConnectionString);
        _client = _api.CreateClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    [Test]
    public async Task DataEndpointsAndReadiness_Answer503WithinFiveSeconds_ThenRecover()
    {
        await AssertStatusAsync("/items/", HttpStatusCode.OK);
        await AssertStatusAsync("/health/ready", HttpStatusCode.OK);

        _proxy.Cut();

        await AssertStatusAsync("/items/", HttpStatusCode.ServiceUnavailable);
        await AssertStatusAsync("/items/1", HttpStatusCode.ServiceUnavailable);
        await AssertStatusAsync("/health/ready", HttpStatusCode.ServiceUnavailable);
        using (var create = await TimedAsync(() => _client.PostAsync("/items/", new StringContent("""{"name": "x"}""", System.Text.Encoding.UTF8, "application/json"))))
        {
            Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(create.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }

        await AssertStatusAsync("/health/live", HttpStatusCode.OK);

        _proxy.Restore();

        await AssertStatusAsync("/items/", HttpStatusCode.OK);
        await AssertStatusAsync("/health/ready", HttpStatusCode.OK);
    }

    private async Task AssertStatusAsync(string path, HttpStatusCode expected)
    {
        using var response = await TimedAsync(() => _client.GetAsync(path));
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"GET {path}");
        if ((int)expected >= 400)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
    }

    private static async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.StartNew();
        var response = await send();
        Assert.That(started.Elapsed, Is.LessThan(Limit), "answered within five seconds");
        return response;
    }
}
