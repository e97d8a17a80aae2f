using System.Net;
using System.Net.Http.Json;
using Fpas.Application.Items;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>The original service's tests, over HTTP. Self-contained: the resource template copies this file for a new resource.</summary>
public sealed class ItemsEndpointsTests : ApiTest
{
    [Test]
    public async Task Create_ReturnsTheCreatedItem()
    {
        using var response = await Client.PostAsync("/items/", JsonBody("""{"name": "widget", "description": "a thing"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("id").GetInt64(), Is.GreaterThanOrEqualTo(1));
            Assert.That(body.GetProperty("name").GetString(), Is.EqualTo("widget"));
            Assert.That(body.GetProperty("description").GetString(), Is.EqualTo("a thing"));
            Assert.That(body.GetProperty("is_active").GetBoolean(), Is.True);
            Assert.That(body.GetProperty("created_timestamp").GetString(), Does.Match(@"(Z|\+00:00)$"));
        });
    }

    [Test]
    public async Task Create_WithTakenName_Returns400WithExactDetail()
    {
        await PostItemAsync("widget");

        using var response = await Client.PostAsync("/items/", JsonBody("""{"name": "widget"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Item with given name already exists."));
    }

    [Test]
    public async Task List_ReturnsAllItemsOrderedById()
    {
        var first = await PostItemAsync("b");
        var second = await PostItemAsync("a");

        var items = await Client.GetFromJsonAsync<ItemResponse[]>("/items/", Json);

        Assert.That(items!.Select(item => item.Id), Is.EqualTo(new[] { first.Id, second.Id }));
    }

    [Test]
    public async Task Read_ReturnsTheItem()
    {
        var created = await PostItemAsync("widget", "d");

        var item = await Client.GetFromJsonAsync<ItemResponse>($"/items/{created.Id}", Json);

        Assert.That(Wire(item), Is.EqualTo(Wire(created)));
    }

    [Test]
    public async Task Read_WithMissingId_Returns404WithExactDetail()
    {
        using var response = await Client.GetAsync("/items/424242");

        await AssertNotFoundAsync(response);
    }

    [Test]
    public async Task Update_ChangesTheItem()
    {
        var created = await PostItemAsync("widget", "d");

        using var response = await Client.PutAsync($"/items/{created.Id}", JsonBody("""{"name": "gadget", "is_active": false}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var updated = await response.Content.ReadFromJsonAsync<ItemResponse>(Json);
#if (audited)
        Assert.That(Wire(updated), Is.EqualTo(Wire(created with { Name = "gadget", IsActive = false, UpdatedAt = updated!.UpdatedAt })));
#else
        Assert.That(Wire(updated), Is.EqualTo(Wire(created with { Name = "gadget", IsActive = false })));
#endif
    }

    [Test]
    public async Task Update_ToTakenName_Returns400_AndLeavesItemUnchanged()
    {
        await PostItemAsync("taken");
        var mine = await PostItemAsync("mine");

        using var response = await Client.PutAsync($"/items/{mine.Id}", JsonBody("""{"name": "taken"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Item with given name already exists."));
        var stored = await Client.GetFromJsonAsync<ItemResponse>($"/items/{mine.Id}", Json);
        Assert.That(Wire(stored), Is.EqualTo(Wire(mine)));
    }

    [Test]
    public async Task Update_WithMissingId_Returns404()
    {
        using var response = await Client.PutAsync("/items/424242", JsonBody("""{"name": "x"}"""));

        await AssertNotFoundAsync(response);
    }

    [Test]
    public async Task Delete_ReturnsTheDeletedItem_ThenItIsGone()
    {
        var created = await PostItemAsync("doomed");

        using var response = await Client.DeleteAsync($"/items/{created.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
#if (softDelete)
        var deleted = await response.Content.ReadFromJsonAsync<ItemResponse>(Json);
        Assert.That(Wire(deleted), Is.EqualTo(Wire(created with { DeletedAt = deleted!.DeletedAt, DeletedBy = deleted.DeletedBy })));
        Assert.That(deleted.DeletedAt, Is.Not.Null);
#else
        Assert.That(Wire(await response.Content.ReadFromJsonAsync<ItemResponse>(Json)), Is.EqualTo(Wire(created)));
#endif
        using var after = await Client.GetAsync($"/items/{created.Id}");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Delete_WithMissingId_Returns404()
    {
        using var response = await Client.DeleteAsync("/items/424242");

        await AssertNotFoundAsync(response);
    }

    [TestCase("/items")]
    [TestCase("/items/")]
    public async Task Collection_AnswersWithAndWithoutTrailingSlash_WithoutRedirect(string path)
    {
        using var created = await Client.PostAsync(path, JsonBody("""{"name": "slash"}"""));
        using var listed = await Client.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Item_AnswersWithTrailingSlash()
    {
        var created = await PostItemAsync("slash");

        using var response = await Client.GetAsync($"/items/{created.Id}/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<ItemResponse> PostItemAsync(string name, string? description = null)
    {
        using var response = await Client.PostAsJsonAsync("/items/", new { name, description });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemResponse>(Json))!;
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo(404));
            Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Requested Item does not exist."));
        });
    }
}
