using System.Net;
using System.Net.Http.Json;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>A server with <c>Authorization:RequireAuthenticatedReads=true</c>: reads need <c>items:read</c>.</summary>
public sealed class AuthenticatedReadsTests : BearerServerTest
{
    protected override Dictionary<string, string> ServerSettings() => TestTokens.BearerSettings(requireAuthenticatedReads: true);

    [TestCase("/items/")]
    [TestCase("/items/1")]
    public async Task Read_WithoutToken_Is401Problem(string path)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        await ErrorResponseTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Read_WithOnlyTheWriteScope_Is403Problem()
    {
        using var client = ClientWith(TestTokens.Create("items:write"));

        await ErrorResponseTests.AssertProblemAsync(await client.GetAsync("/items/"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Read_WithTheReadScope_Succeeds()
    {
        using var client = ClientWith(TestTokens.Create("items:read"));

        using var response = await client.GetAsync("/items/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OpenApi_DeclaresTheReadScope_AndItsProblems()
    {
        using var client = Factory.CreateClient();

        var document = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi.json");

        var get = document.GetProperty("paths").GetProperty("/items/{id}").GetProperty("get");
        Assert.Multiple(() =>
        {
            Assert.That(get.GetProperty("security")[0].GetProperty("Bearer")[0].GetString(), Is.EqualTo("items:read"));
            Assert.That(get.GetProperty("responses").EnumerateObject().Select(response => response.Name), Is.SupersetOf(new[] { "401", "403" }));
        });
    }
}
