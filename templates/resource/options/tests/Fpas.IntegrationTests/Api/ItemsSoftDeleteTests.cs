using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fpas.Infrastructure.Persistence.SoftDelete;
using Fpas.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// <c>fpas-resource --soft-delete</c>: a delete marks the row, which every read and write then misses; reading it again
/// needs <c>include_deleted=true</c> and <c>items:deleted:read</c>; a restore brings it back as a new version; its
/// name is free for a new row meanwhile; the purge removes it after the retention.
/// </summary>
public sealed class ItemsSoftDeleteTests : BearerServerTest
{
    private static readonly string Writer = TestTokens.Create("items:write", subject: "alice");

    protected override Dictionary<string, string> ServerSettings() => new(TestTokens.BearerSettings())
    {
        ["SoftDelete:Retention"] = "00:00:00.200",
    };

    [Test]
    public async Task ADeletedRow_IsMissedByEveryReadAndWrite_AndStaysAsItWas()
    {
        using var client = ClientWith(Writer);
        var id = await CreateAsync(client, "soon gone");

        using var delete = await client.DeleteAsync($"/items/{id}");
        var deleted = await ReadAsync(delete);
        using var get = await client.GetAsync($"/items/{id}");
        using var put = await client.PutAsJsonAsync($"/items/{id}", new { name = "changed anyway" });
        using var again = await client.DeleteAsync($"/items/{id}");
        var list = await ReadAsync(await client.GetAsync("/items/"));
        using var reader = ClientWith(TestTokens.Create("items:deleted:read"));
        var stored = await ReadAsync(await reader.GetAsync($"/items/{id}?include_deleted=true"));

        Assert.Multiple(() =>
        {
            Assert.That(deleted.GetProperty("deleted_by").GetString(), Is.EqualTo("alice"));
            Assert.That(deleted.GetProperty("deleted_at").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That((get.StatusCode, put.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
            Assert.That(list.EnumerateArray().Select(row => row.GetProperty("id").GetInt64()), Does.Not.Contain(id));
            Assert.That(stored.GetProperty("name").GetString(), Is.EqualTo("soon gone"), "the PUT changed nothing");
            Assert.That(stored.GetProperty("deleted_at").GetString(), Is.EqualTo(deleted.GetProperty("deleted_at").GetString()));
        });
    }

    [Test]
    public async Task DeletedRows_NeedTheParameterAndTheirOwnScope()
    {
        using var writer = ClientWith(Writer);
        var id = await CreateDeletedAsync(writer, "hidden");

        using var anonymous = Factory.CreateClient();
        using var withoutScope = await writer.GetAsync($"/items/{id}?include_deleted=true");
        using var withoutToken = await anonymous.GetAsync("/items/?include_deleted=true");
        using var smuggled = await writer.GetAsync($"/items/{id}?include_deleted=false&include_deleted=true");
        using var reader = ClientWith(TestTokens.Create("items:deleted:read"));
        var list = await ReadAsync(await reader.GetAsync("/items/?include_deleted=true"));
        using var notABoolean = await reader.GetAsync("/items/?include_deleted=maybe");

        Assert.Multiple(() =>
        {
            Assert.That(withoutScope.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(withoutToken.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(smuggled.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a second value asks too");
            Assert.That(list.EnumerateArray().Select(row => row.GetProperty("id").GetInt64()), Does.Contain(id));
            Assert.That(notABoolean.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        });
    }

    [Test]
    public async Task Restore_BringsTheRowBack_WithANewETag_AndHonoursIfMatchAndIdempotencyKey()
    {
        using var client = ClientWith(Writer);
        var id = await CreateAsync(client, "back again");
        using var created = await client.GetAsync($"/items/{id}");
        var createdTag = created.Headers.ETag!;
        using var deleted = await client.DeleteAsync($"/items/{id}");
        var deletedTag = deleted.Headers.ETag!;

        using var stale = await client.SendAsync(Restore(id, createdTag));
        using var restored = await client.SendAsync(Restore(id, deletedTag, key: "restore-1"));
        using var replayed = await client.SendAsync(Restore(id, deletedTag, key: "restore-1"));
        using var read = await client.GetAsync($"/items/{id}");
        using var staleDelete = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/items/{id}") { Headers = { IfMatch = { deletedTag } } });
        var body = await ReadAsync(restored);

        Assert.Multiple(async () =>
        {
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(body.GetProperty("deleted_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(restored.Headers.ETag, Is.Not.EqualTo(deletedTag).And.Not.EqualTo(createdTag));
            Assert.That(replayed.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            Assert.That(await replayed.Content.ReadAsStringAsync(), Is.EqualTo(body.GetRawText()));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(read.Headers.ETag, Is.EqualTo(restored.Headers.ETag));
            Assert.That(staleDelete.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        });
    }

    [Test]
    public async Task ADeletedName_CanBeTakenAgain_AndThenItsRestoreIsA409()
    {
        using var client = ClientWith(Writer);
        var first = await CreateDeletedAsync(client, "reused");

        var second = await CreateAsync(client, "reused");
        using var restore = await client.SendAsync(Restore(first));
        using var taken = await client.PostAsJsonAsync("/items/", new { name = "reused" });

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(restore.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(restore.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(taken.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "live names stay unique");
        });
    }

    [Test]
    public async Task Restore_NeedsTheWriteScope_AndAnExistingRow()
    {
        using var reader = ClientWith(TestTokens.Create("items:read items:deleted:read"));
        using var writer = ClientWith(Writer);

        using var withoutScope = await reader.SendAsync(Restore(1));
        using var missing = await writer.SendAsync(Restore(long.MaxValue));

        Assert.Multiple(() =>
        {
            Assert.That(withoutScope.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task ThePurge_RemovesRowsDeletedLongerThanTheRetention()
    {
        using var client = ClientWith(Writer);
        var id = await CreateDeletedAsync(client, "purged");

        await Task.Delay(TimeSpan.FromMilliseconds(400));
        var purged = await Factory.Services.GetRequiredService<SoftDeletePurge>().PurgeAsync(CancellationToken.None);
        using var reader = ClientWith(TestTokens.Create("items:deleted:read"));
        using var read = await reader.GetAsync($"/items/{id}?include_deleted=true");
        using var restore = await client.SendAsync(Restore(id));

        Assert.Multiple(() =>
        {
            Assert.That(purged, Is.GreaterThanOrEqualTo(1));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(restore.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private static HttpRequestMessage Restore(long id, EntityTagHeaderValue? ifMatch = null, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/items/{id}/restore");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    /// <summary>Creates an item and deletes it; its id.</summary>
    private static async Task<long> CreateDeletedAsync(HttpClient client, string name)
    {
        var id = await CreateAsync(client, name);
        using var deleted = await client.DeleteAsync($"/items/{id}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return id;
    }

    private static async Task<long> CreateAsync(HttpClient client, string name) =>
        (await ReadAsync(await client.PostAsJsonAsync("/items/", new { name }))).GetProperty("id").GetInt64();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
