using System.Net;
using System.Text.Json;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>The rules of the contract's Item table, over HTTP: each failure is a 422 keyed by the snake_case field.</summary>
public sealed class ItemValidationTests : ApiTest
{
    private static readonly string SixtyFourEmoji = string.Concat(Enumerable.Repeat("\U0001F600", 64));

    [TestCase("""{"description": "no name"}""", "name", TestName = "Create_WithoutName_Returns422OnName")]
    [TestCase("""{"name": null}""", "name", TestName = "Create_WithNullName_Returns422OnName")]
    [TestCase("""{"name": ""}""", "name", TestName = "Create_WithEmptyName_Returns422OnName")]
    [TestCase("""{"name": "   "}""", "name", TestName = "Create_WithBlankName_Returns422OnName")]
    [TestCase("""{"name": "a\u0000b"}""", "name", TestName = "Create_WithNulInName_Returns422OnName")]
    [TestCase("""{"name": "a\nb"}""", "name", TestName = "Create_WithNewlineInName_Returns422OnName")]
    [TestCase("""{"name": "a\u007fb"}""", "name", TestName = "Create_WithDeleteCharacterInName_Returns422OnName")]
    [TestCase("""{"name": 123}""", "name", TestName = "Create_WithNumberAsName_Returns422OnName")]
    [TestCase("""{"name": "x", "is_active": null}""", "is_active", TestName = "Create_WithNullIsActive_Returns422OnIsActive")]
    [TestCase("""{"name": "x", "is_active": 1}""", "is_active", TestName = "Create_WithNumberAsIsActive_Returns422OnIsActive")]
    [TestCase("""{"name": "x", "is_active": "true"}""", "is_active", TestName = "Create_WithStringAsIsActive_Returns422OnIsActive")]
    [TestCase("""{"name": "x", "description": "a\u0000b"}""", "description", TestName = "Create_WithNulInDescription_Returns422OnDescription")]
    [TestCase("""{"name": "x", "description": 5}""", "description", TestName = "Create_WithNumberAsDescription_Returns422OnDescription")]
    [TestCase("""{"NAME": "x"}""", "name", TestName = "Create_WithUpperCaseNameProperty_Returns422OnName")]
    [TestCase("""{"name": "x", "isActive": null, "is_active": 2}""", "is_active", TestName = "Create_MatchesPropertyNamesExactly")]
    public async Task Create_WithInvalidField_Returns422KeyedByField(string json, string field)
    {
        using var response = await Client.PostAsync("/items/", JsonBody(json));

        await AssertValidationProblemAsync(response, field);
    }

    [Test]
    public async Task Create_WithNameOf65Characters_Returns422() =>
        await AssertValidationProblemAsync(await PostAsync(new { name = new string('x', 65) }), "name");

    [Test]
    public async Task Create_WithNameOf64Characters_Succeeds() =>
        Assert.That((await PostAsync(new { name = new string('x', 64) })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task Create_NameLength_IsCountedInCharactersNotBytes()
    {
        using var atLimit = await PostAsync(new { name = SixtyFourEmoji });
        using var overLimit = await PostAsync(new { name = SixtyFourEmoji + "\U0001F600" });

        Assert.That(atLimit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(atLimit);
        Assert.That(body.GetProperty("name").GetString(), Is.EqualTo(SixtyFourEmoji));
        await AssertValidationProblemAsync(overLimit, "name");
    }

    [Test]
    public async Task Create_WithDescriptionOf10000Characters_StoresItWhole()
    {
        var description = string.Concat(Enumerable.Repeat("é", 10_000));

        using var response = await PostAsync(new { name = "long", description });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(response);
        Assert.That(body.GetProperty("description").GetString(), Is.EqualTo(description));
    }

    [Test]
    public async Task Create_WithDescriptionOf10001Characters_Returns422() =>
        await AssertValidationProblemAsync(await PostAsync(new { name = "long", description = new string('x', 10_001) }), "description");

    [Test]
    public async Task Create_WithControlCharactersOtherThanNulInDescription_Succeeds() =>
        Assert.That((await PostAsync(new { name = "lines", description = "a\nb\tc" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

    [Test]
    public async Task Create_WithNullDescription_Succeeds()
    {
        using var response = await Client.PostAsync("/items/", JsonBody("""{"name": "x", "description": null}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(response)).GetProperty("description").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Create_WithIsActiveFalse_StoresFalse()
    {
        using var response = await Client.PostAsync("/items/", JsonBody("""{"name": "x", "is_active": false}"""));

        Assert.That((await ReadJsonAsync(response)).GetProperty("is_active").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Create_IgnoresUnknownAndReadOnlyProperties()
    {
        using var response = await Client.PostAsync(
            "/items/",
            JsonBody("""{"name": "x", "id": 999, "created_timestamp": "2000-01-01T00:00:00Z", "colour": "red"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("id").GetInt64(), Is.Not.EqualTo(999));
            Assert.That(body.GetProperty("created_timestamp").GetString(), Does.Not.StartWith("2000"));
            Assert.That(body.TryGetProperty("colour", out _), Is.False);
        });
    }

    [TestCase("""{"name": "x",""", TestName = "Create_WithTruncatedJson_Returns422")]
    [TestCase("""not json""", TestName = "Create_WithNonJsonText_Returns422")]
    [TestCase("""[1, 2]""", TestName = "Create_WithJsonArray_Returns422")]
    [TestCase("", TestName = "Create_WithEmptyBody_Returns422")]
    public async Task Create_WithMalformedBody_Returns422Problem(string json)
    {
        using var response = await Client.PostAsync("/items/", JsonBody(json));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Any(), Is.True);
    }

    private Task<HttpResponseMessage> PostAsync(object body) =>
        Client.PostAsync("/items/", JsonBody(JsonSerializer.Serialize(body)));

    internal static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.That(errors.EnumerateObject().Select(property => property.Name), Does.Contain(field), text);
            Assert.That(errors.GetProperty(field).EnumerateArray().Select(message => message.GetString()), Is.Not.Empty);
        }
    }
}
