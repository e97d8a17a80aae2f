using System.Net;
using System.Net.Http.Headers;

namespace Fpas.IntegrationTests.Support;

/// <summary>
/// Base of tests against a server of their own that trusts <see cref="TestTokens"/>: one server per fixture, clients with
/// or without a token, and the endpoints that stay anonymous whatever the settings.
/// </summary>
public abstract class BearerServerTest : DatabaseTest
{
    protected ApiFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartServer() => Factory = new ApiFactory(TestDatabase.ConnectionString, ServerSettings());

    [OneTimeTearDown]
    public async Task StopServerAsync() => await Factory.DisposeAsync();

    [TestCase("/")]
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/openapi.json")]
    [TestCase("/openapi/v2.json")]
    [TestCase("/docs")]
    public async Task ServiceEndpoints_StayAnonymous(string path)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>The settings of this fixture's server: <see cref="TestTokens.BearerSettings"/> and what the fixture adds.</summary>
    protected abstract Dictionary<string, string> ServerSettings();

    protected HttpClient ClientWith(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
