using System.Net;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>Behind a proxy: links use what the client used, forwarded headers count only from known proxies, hosts are checked.</summary>
public sealed class ForwardedHeadersTests : ApiTest
{
    [Test]
    public async Task NextLink_UsesTheSchemeAndHostTheClientUsedThroughAKnownProxy()
    {
        await CreateItemAsync("one");
        await CreateItemAsync("two");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/?limit=1");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "api.example.com");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await Client.SendAsync(request);

        Assert.That(response.Headers.GetValues("Link").Single(), Does.StartWith("<https://api.example.com/items/?limit=1&after_id="));
    }

    [Test]
    public async Task ForwardedHeaders_FromAnUnknownProxy_AreIgnored()
    {
        await CreateItemAsync("one");
        await CreateItemAsync("two");
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.1",
        });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/?limit=1");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "api.example.com");

        using var response = await client.SendAsync(request);

        Assert.That(response.Headers.GetValues("Link").Single(), Does.StartWith($"<http://{client.BaseAddress!.Authority}/items/"));
    }

    [Test]
    public async Task WithAllowedHosts_AMadeUpHostIsRefused_AndAMadeUpForwardedHostNotEchoed()
    {
        await CreateItemAsync("one");
        await CreateItemAsync("two");
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string>
        {
            ["AllowedHosts"] = "api.example.com;localhost;127.0.0.1",
        });
        using var client = factory.CreateClient();

        using var madeUpHost = new HttpRequestMessage(HttpMethod.Get, "/items/?limit=1");
        madeUpHost.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(madeUpHost);

        using var madeUpForwarded = new HttpRequestMessage(HttpMethod.Get, "/items/?limit=1");
        madeUpForwarded.Headers.Add("X-Forwarded-Host", "evil.example");
        using var served = await client.SendAsync(madeUpForwarded);

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(refused.Headers.Contains("Link"), Is.False);
            Assert.That(served.Headers.GetValues("Link").Single(), Does.Not.Contain("evil.example"));
        });
    }
}
