using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fpas.IntegrationTests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.IntegrationTests.Api;

/// <summary>A server configured with a bearer issuer: writes need <c>items:write</c>, reads stay anonymous.</summary>
public sealed class ItemsAuthorizationTests : BearerServerTest
{
    protected override Dictionary<string, string> ServerSettings() => TestTokens.BearerSettings();

    [Test]
    public async Task Write_WithoutToken_Is401Problem_WithBearerChallenge()
    {
        using var client = Factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/items/", new { name = "x" });

        await ErrorResponseTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer").And.Not.Contain("invalid_token"));
    }

    [Test]
    public async Task AnAnonymousRead_ValidatesNoToken_AWriteValidatesIt()
    {
        var seen = 0;
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, TestTokens.BearerSettings(),
            services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.Events = new JwtBearerEvents { OnMessageReceived = _ => { Interlocked.Increment(ref seen); return Task.CompletedTask; } }));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("items:write"));

        using var read = await client.GetAsync("/items/");
        var seenByRead = Volatile.Read(ref seen);
        using var write = await client.PostAsJsonAsync("/items/", new { name = "lazy" });

        Assert.Multiple(() =>
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(seenByRead, Is.Zero, "an anonymous read does not authenticate");
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Volatile.Read(ref seen), Is.EqualTo(1), "a write authenticates once");
        });
    }

    [Test]
    public async Task ARepeatedToken_IsValidatedOnce_ATamperedCopyIsStillRefused_AndAnotherTokenIsValidated()
    {
        var validations = 0;
        await using var factory = new ApiFactory(TestDatabase.ConnectionString, TestTokens.BearerSettings(),
            services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                var validated = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = context =>
                {
                    Interlocked.Increment(ref validations);
                    return validated(context);
                };
            }));
        using var client = factory.CreateClient();
        var token = TestTokens.Create("items:write");
        var signature = token.LastIndexOf('.') + 5;
        var tampered = token[..signature] + (token[signature] == 'A' ? 'B' : 'A') + token[(signature + 1)..];

        var first = await PostAsync(client, token);
        var second = await PostAsync(client, token);
        var afterRepeat = Volatile.Read(ref validations);
        var forged = await PostAsync(client, tampered);
        var other = await PostAsync(client, TestTokens.Create("items:write", subject: "user-2"));

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first, second }, Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(afterRepeat, Is.EqualTo(1), "the same token twice is validated once");
            Assert.That(forged, Is.EqualTo(HttpStatusCode.Unauthorized), "a token that differs in its signature only");
            Assert.That(other, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Volatile.Read(ref validations), Is.EqualTo(2), "another token is validated");
        });

        static async Task<HttpStatusCode> PostAsync(HttpClient client, string token)
        {
            var name = $"cached {Guid.NewGuid():N}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/items/") { Content = JsonContent.Create(new { name }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
    }

    // Named by the reason only: the tokens carry times, and a test's name must be the same when it is listed and when it runs.
    private static IEnumerable<TestCaseData> BadTokens() =>
    [
        Case("expired", TestTokens.Create("items:write", expires: DateTime.UtcNow.AddMinutes(-10))),
        Case("wrong audience", TestTokens.Create("items:write", audience: "another-api")),
        Case("wrong issuer", TestTokens.Create("items:write", issuer: "https://elsewhere.test")),
        Case("wrong key", TestTokens.Create("items:write", otherKey: true)),
        Case("alg none", TestTokens.WithoutSignature("items:write")),
        Case("not a JWT", "garbage"),
    ];

    private static TestCaseData Case(string why, string token) => new TestCaseData(why, token).SetArgDisplayNames(why);

    [TestCaseSource(nameof(BadTokens))]
    public async Task Write_WithABadToken_Is401Problem_WithInvalidToken(string why, string token)
    {
        using var client = ClientWith(token);

        using var response = await client.PostAsJsonAsync("/items/", new { name = "x" });

        var challenge = response.Headers.WwwAuthenticate.ToString();
        await ErrorResponseTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(challenge, Does.StartWith("Bearer").And.Contain("error=\"invalid_token\""), why);
        Assert.That(await CountItemsAsync(), Is.Zero, why);
    }

    [TestCase("items:read")]
    [TestCase("other:write")]
    [TestCase("items:writer")]
    public async Task Write_WithoutTheWriteScope_Is403Problem(string scope)
    {
        using var client = ClientWith(TestTokens.Create(scope));

        await ErrorResponseTests.AssertProblemAsync(await client.PostAsJsonAsync("/items/", new { name = "x" }), HttpStatusCode.Forbidden);
        await ErrorResponseTests.AssertProblemAsync(await client.PutAsJsonAsync("/items/1", new { name = "x" }), HttpStatusCode.Forbidden);
        await ErrorResponseTests.AssertProblemAsync(await client.DeleteAsync("/items/1"), HttpStatusCode.Forbidden);
    }

    [TestCase("scope", "items:write")]
    [TestCase("scope", "items:read items:write")]
    [TestCase("scp", "items:write")]
    public async Task Writes_WithTheWriteScope_Succeed(string claim, string scope)
    {
        using var client = ClientWith(TestTokens.Create(scope, scopeClaim: claim));

        using var created = await client.PostAsJsonAsync("/items/", new { name = "written" });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
        using var updated = await client.PutAsJsonAsync($"/items/{id}", new { name = "rewritten" });
        using var deleted = await client.DeleteAsync($"/items/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [TestCase("/items/")]
    [TestCase("/items/?limit=1")]
    public async Task Reads_AreAnonymous_WhenNotRequired(string path)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OpenApi_DeclaresTheBearerScheme_AndTheWriteScopePerOperation()
    {
        using var client = Factory.CreateClient();

        var document = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi.json");

        var post = document.GetProperty("paths").GetProperty("/items").GetProperty("post");
        var get = document.GetProperty("paths").GetProperty("/items/{id}").GetProperty("get");
        Assert.Multiple(() =>
        {
            Assert.That(document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(post.GetProperty("security")[0].GetProperty("Bearer")[0].GetString(), Is.EqualTo("items:write"));
            Assert.That(post.GetProperty("responses").EnumerateObject().Select(response => response.Name), Is.SupersetOf(new[] { "401", "403" }));
            Assert.That(get.GetProperty("security").EnumerateArray().Select(requirement => requirement.EnumerateObject().Count()), Is.EqualTo(new[] { 0 }),
                "reads are anonymous on this server, and the document says so: one requirement, of no scheme");
            Assert.That(get.GetProperty("responses").EnumerateObject().Select(response => response.Name), Has.None.AnyOf("401", "403"));
        });
    }

    [Test]
    public async Task IdempotencyKeys_ArePerClient()
    {
        using var alice = ClientWith(TestTokens.Create("items:write", subject: "alice"));
        using var bob = ClientWith(TestTokens.Create("items:write", subject: "bob"));

        using var fromAlice = await PostWithKeyAsync(alice, "shared-key", "from alice");
        using var fromBob = await PostWithKeyAsync(bob, "shared-key", "from bob");
        using var aliceAgain = await PostWithKeyAsync(alice, "shared-key", "from alice");

        Assert.Multiple(async () =>
        {
            Assert.That(fromAlice.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fromBob.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another client's key is not this one's");
            Assert.That(fromBob.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(aliceAgain.Headers.Contains("Idempotent-Replayed"), Is.True);
            Assert.That(await CountItemsAsync(), Is.EqualTo(2));
        });
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items/") { Content = JsonContent.Create(new { name }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<long> CountItemsAsync()
    {
        await using var context = TestDatabase.CreateDbContext();
        return context.Set<Fpas.Domain.Items.Item>().LongCount();
    }
}
