using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// <c>fpas-resource --audited</c>: <c>created_at</c>, <c>created_by</c>, <c>updated_at</c> and <c>updated_by</c> are the
/// server's clock and the token's subject on every write, never what a body says, and read-only in the document.
/// </summary>
public sealed class ItemsAuditTests : BearerServerTest
{
    protected override Dictionary<string, string> ServerSettings() => TestTokens.BearerSettings();

    [Test]
    public async Task CreateAndUpdate_StampTheTokensSubject_AndTheClock()
    {
        using var alice = ClientWith(TestTokens.Create("items:write", subject: "alice"));
        using var bob = ClientWith(TestTokens.Create("items:write", subject: "bob"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var created = await ReadAsync(await alice.PostAsJsonAsync("/items/", new { name = "audited" }));
        var updated = await ReadAsync(await bob.PutAsJsonAsync($"/items/{created.GetProperty("id").GetInt64()}", new { name = "audited twice" }));
        var read = await ReadAsync(await bob.GetAsync($"/items/{created.GetProperty("id").GetInt64()}"));

        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("created_by").GetString(), Is.EqualTo("alice"));
            Assert.That(created.GetProperty("updated_by").GetString(), Is.EqualTo("alice"));
            Assert.That(created.GetProperty("created_at").GetDateTimeOffset(), Is.GreaterThan(before).And.LessThan(DateTimeOffset.UtcNow.AddSeconds(1)));
            Assert.That(created.GetProperty("updated_at").GetDateTimeOffset(), Is.EqualTo(created.GetProperty("created_at").GetDateTimeOffset()));
            Assert.That(updated.GetProperty("created_by").GetString(), Is.EqualTo("alice"));
            Assert.That(updated.GetProperty("created_at").GetDateTimeOffset(), Is.EqualTo(created.GetProperty("created_at").GetDateTimeOffset()));
            Assert.That(updated.GetProperty("updated_by").GetString(), Is.EqualTo("bob"));
            Assert.That(updated.GetProperty("updated_at").GetDateTimeOffset(), Is.GreaterThan(created.GetProperty("updated_at").GetDateTimeOffset()));
            Assert.That(read.GetRawText(), Is.EqualTo(updated.GetRawText()), "a read gives what the write answered");
        });
    }

    [Test]
    public async Task ABodyThatSendsTheAuditColumns_ChangesNothing()
    {
        using var alice = ClientWith(TestTokens.Create("items:write", subject: "alice"));
        var forged = new
        {
            created_at = "2001-01-01T00:00:00Z", created_by = "mallory", updated_at = "2001-01-01T00:00:00Z", updated_by = "mallory",
        };

        var created = await ReadAsync(await alice.PostAsJsonAsync("/items/", new { name = "forged", forged.created_at, forged.created_by, forged.updated_at, forged.updated_by }));
        var id = created.GetProperty("id").GetInt64();
        var updated = await ReadAsync(await alice.PutAsJsonAsync($"/items/{id}", new { forged.created_at, forged.created_by, forged.updated_at, forged.updated_by }));

        Assert.Multiple(() =>
        {
            foreach (var answer in new[] { created, updated })
            {
                Assert.That(answer.GetProperty("created_by").GetString(), Is.EqualTo("alice"));
                Assert.That(answer.GetProperty("updated_by").GetString(), Is.EqualTo("alice"));
                Assert.That(answer.GetProperty("created_at").GetDateTimeOffset().Year, Is.Not.EqualTo(2001));
                Assert.That(answer.GetProperty("updated_at").GetDateTimeOffset().Year, Is.Not.EqualTo(2001));
            }

            Assert.That(updated.GetRawText(), Is.EqualTo(created.GetRawText()), "a body of audit columns only is an empty change");
        });
    }

    [Test]
    public async Task TheDocument_MarksTheAuditColumnsReadOnly()
    {
        using var client = Factory.CreateClient();

        var document = await ReadAsync(await client.GetAsync("/openapi.json"));
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("ItemResponse").GetProperty("properties");

        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "created_at", "created_by", "updated_at", "updated_by" })
            {
                Assert.That(properties.GetProperty(name).TryGetProperty("readOnly", out var readOnly) && readOnly.GetBoolean(), Is.True, name);
            }
        });
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
