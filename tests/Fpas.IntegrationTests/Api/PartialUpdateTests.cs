using System.Net;
using System.Net.Http.Json;
using Fpas.Application.Items;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>PUT changes only the properties present in the body.</summary>
public sealed class PartialUpdateTests : ApiTest
{
    [Test]
    public async Task Put_WithOnlyName_LeavesDescriptionAndIsActive()
    {
        var item = await CreateInactiveItemAsync();

        var updated = await PutAsync(item.Id, """{"name": "renamed"}""");

        Assert.That(updated, Is.EqualTo(item with { Name = "renamed" }));
    }

    [Test]
    public async Task Put_WithNullDescription_ClearsIt()
    {
        var item = await CreateInactiveItemAsync();

        var updated = await PutAsync(item.Id, """{"description": null}""");

        Assert.That(updated, Is.EqualTo(item with { Description = null }));
    }

    [Test]
    public async Task Put_WithEmptyObject_ChangesNothing()
    {
        var item = await CreateInactiveItemAsync();

        Assert.That(await PutAsync(item.Id, "{}"), Is.EqualTo(item));
    }

    [Test]
    public async Task Put_WithOnlyIsActive_ChangesOnlyIsActive()
    {
        var item = await CreateInactiveItemAsync();

        Assert.That(await PutAsync(item.Id, """{"is_active": true}"""), Is.EqualTo(item with { IsActive = true }));
    }

    [TestCase("""{"name": null}""", "name", TestName = "Put_WithNullName_Returns422")]
    [TestCase("""{"is_active": null}""", "is_active", TestName = "Put_WithNullIsActive_Returns422")]
    [TestCase("""{"name": ""}""", "name", TestName = "Put_WithEmptyName_Returns422")]
    [TestCase("""{"name": 5}""", "name", TestName = "Put_WithNumberAsName_Returns422")]
    public async Task Put_WithInvalidValue_Returns422_AndChangesNothing(string json, string field)
    {
        var item = await CreateInactiveItemAsync();

        await ItemValidationTests.AssertValidationProblemAsync(await Client.PutAsync($"/items/{item.Id}", JsonBody(json)), field);

        Assert.That(await Client.GetFromJsonAsync<ItemResponse>($"/items/{item.Id}", Json), Is.EqualTo(item));
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("99999999999999999999")]
    public async Task Get_WithIdNotAPositiveInteger_Returns422(string id) =>
        await ItemValidationTests.AssertValidationProblemAsync(await Client.GetAsync($"/items/{id}"), "id");

    [TestCase("abc")]
    [TestCase("0")]
    public async Task PutAndDelete_WithInvalidId_Answer422OnTheId(string id)
    {
        await ItemValidationTests.AssertValidationProblemAsync(await Client.PutAsync($"/items/{id}", JsonBody("""{"name": "x"}""")), "id");
        await ItemValidationTests.AssertValidationProblemAsync(await Client.DeleteAsync($"/items/{id}"), "id");
    }

    private async Task<ItemResponse> CreateInactiveItemAsync()
    {
        using var response = await Client.PostAsync("/items/", JsonBody("""{"name": "original", "description": "text", "is_active": false}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await response.Content.ReadFromJsonAsync<ItemResponse>(Json))!;
    }

    private async Task<ItemResponse> PutAsync(long id, string json)
    {
        using var response = await Client.PutAsync($"/items/{id}", JsonBody(json));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemResponse>(Json))!;
    }
}
