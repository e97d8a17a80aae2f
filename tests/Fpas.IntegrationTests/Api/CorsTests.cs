using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>Cross-origin access comes from configuration: none by default, the listed origins otherwise.</summary>
public sealed class CorsTests : ApiTest
{
    private const string Origin = "https://shop.example";

    [Test]
    public async Task ByDefault_NoOriginIsAllowed()
    {
        using var response = await Client.SendAsync(Preflight());

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task ConfiguredOrigin_IsAllowed_AndSeesTheLinkHeader()
    {
        await using var api = new ApiFactory(TestDatabase.ConnectionString, new Dictionary<string, string>
        {
            ["Cors:AllowedOrigins:0"] = Origin,
        });
        using var client = api.CreateClient();

        using var preflight = await client.SendAsync(Preflight());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/");
        request.Headers.Add("Origin", Origin);
        using var response = await client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That(preflight.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { Origin }));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { Origin }));
            Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")), Does.Contain("Link"));
        });
    }

    private static HttpRequestMessage Preflight()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/items/");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
