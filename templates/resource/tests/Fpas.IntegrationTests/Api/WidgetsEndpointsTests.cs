using System.Net;
using System.Net.Http.Json;
using Fpas.Application.Widgets;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>The widgets resource over HTTP: CRUD, name conflicts, partial updates, validation.</summary>
public sealed class WidgetsEndpointsTests : ApiTest
{
    [Test]
    public async Task Create_ReturnsTheCreatedWidget()
    {
        var widget = await CreateWidgetAsync("first");

        Assert.Multiple(() =>
        {
            Assert.That(widget.Id, Is.GreaterThanOrEqualTo(1));
            Assert.That(widget.Name, Is.EqualTo("first"));
            Assert.That(widget.IsActive, Is.True);
            Assert.That(widget.CreatedTimestamp.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task Create_WithTakenName_Returns400WithExactDetail()
    {
        await CreateWidgetAsync("taken");

        using var response = await Client.PostAsync("/widgets/", JsonBody("""{"name": "taken"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ReadJsonAsync(response)).GetProperty("detail").GetString(), Is.EqualTo("Widget with given name already exists."));
    }

    [Test]
    public async Task Create_WithInvalidName_Returns422KeyedByName()
    {
        using var response = await Client.PostAsync("/widgets/", JsonBody("""{"name": ""}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("name", out _), Is.True);
    }

    [Test]
    public async Task ReadAndList_ReturnTheWidgets()
    {
        var first = await CreateWidgetAsync("a");
        var second = await CreateWidgetAsync("b");

        var one = await Client.GetFromJsonAsync<WidgetResponse>($"/widgets/{first.Id}", Json);
        var all = await Client.GetFromJsonAsync<WidgetResponse[]>("/widgets/", Json);

        Assert.Multiple(() =>
        {
            Assert.That(one, Is.EqualTo(first));
            Assert.That(all, Is.EqualTo(new[] { first, second }));
        });
    }

    [Test]
    public async Task Read_WithMissingId_Returns404WithExactDetail()
    {
        using var response = await Client.GetAsync("/widgets/424242");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ReadJsonAsync(response)).GetProperty("detail").GetString(), Is.EqualTo("Requested Widget does not exist."));
    }

    [Test]
    public async Task Update_ChangesOnlyThePresentProperties()
    {
        var widget = await CreateWidgetAsync("before", "kept");

        using var response = await Client.PutAsync($"/widgets/{widget.Id}", JsonBody("""{"name": "after"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadFromJsonAsync<WidgetResponse>(Json), Is.EqualTo(widget with { Name = "after" }));
    }

    [Test]
    public async Task Delete_ReturnsTheDeletedWidget_ThenItIsGone()
    {
        var widget = await CreateWidgetAsync("doomed");

        using var deleted = await Client.DeleteAsync($"/widgets/{widget.Id}");
        using var after = await Client.GetAsync($"/widgets/{widget.Id}");

        Assert.Multiple(() =>
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private async Task<WidgetResponse> CreateWidgetAsync(string name, string? description = null)
    {
        using var response = await Client.PostAsJsonAsync("/widgets/", new { name, description });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WidgetResponse>(Json))!;
    }
}
