using System.Net;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

public sealed class RootEndpointTests : ApiTest
{
    [Test]
    public async Task Root_ReturnsProjectNameAndSemanticVersion()
    {
        using var response = await Client.GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("project_name").GetString(), Is.EqualTo("fpas"));
            Assert.That(body.GetProperty("version").GetString(), Does.Match(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"));
        });
    }
}
