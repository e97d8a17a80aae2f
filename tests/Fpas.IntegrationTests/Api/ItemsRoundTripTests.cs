using System.Net;
using System.Text.Json.Nodes;
using Fpas.Application.Items;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>
/// Every property of the item's requests round-trips: set on create, read back by id and in the list, and each updatable
/// one changed alone (and cleared, where the item allows null), field by field. Built from the request and response types
/// themselves, so a property a team adds is tested the moment it is added. Self-contained: the resource template copies it.
/// </summary>
public sealed class ItemsRoundTripTests : ApiTest
{
    private const string Resource = "/items/";

    /// <summary>Values the type alone cannot choose (a format a validator demands): wire name -> [first, second].</summary>
    private static readonly Dictionary<string, JsonNode?[]> Samples = [];

    [Test]
    public async Task EveryCreateProperty_IsStored_AndReadBackByIdAndInTheList()
    {
        var sent = RoundTrip.Body(typeof(CreateItemRequest), 0, Json, Samples);

        var created = await SendAsync(HttpMethod.Post, Resource, sent);
        var id = created["id"]!.GetValue<long>();

        RoundTrip.AssertCarries(created, sent, "create");
        RoundTrip.AssertCarries(await GetAsync($"{Resource}{id}"), sent, "read by id");
        RoundTrip.AssertCarries(((JsonArray)(await GetAsync($"{Resource}?limit=1000"))!).Single(item => item!["id"]!.GetValue<long>() == id), sent, "read in the list");
    }

    [Test]
    public async Task EachUpdateProperty_ChangedAlone_IsStored_AndLeavesTheOthers()
    {
        var state = await SendAsync(HttpMethod.Post, Resource, RoundTrip.Body(typeof(CreateItemRequest), 0, Json, Samples));
        var id = state["id"]!.GetValue<long>();
        var response = RoundTrip.Properties(typeof(ItemResponse), Json).ToDictionary(property => property.Name);

        foreach (var (name, type, _) in RoundTrip.Properties(typeof(UpdateItemRequest), Json))
        {
            var change = new JsonObject { [name] = RoundTrip.Sample(name, type, 1, Json, Samples) };
            state = await ExpectChangeAsync(id, change, state, $"{name} changed");

            if (response[name].Nullable)
            {
                state = await ExpectChangeAsync(id, new JsonObject { [name] = null }, state, $"{name} cleared");
            }
            else
            {
                using var refused = await Client.PutAsync($"{Resource}{id}", JsonBody(new JsonObject { [name] = null }.ToJsonString()));
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), $"{name}: null is not a value of a non-nullable property");
            }
        }
    }

    /// <summary>PUTs <paramref name="change"/>, and asserts that the answer and a new read carry it and every other value of <paramref name="before"/>.</summary>
    private async Task<JsonObject> ExpectChangeAsync(long id, JsonObject change, JsonObject before, string what)
    {
        var expected = (JsonObject)before.DeepClone();
        foreach (var (name, value) in change)
        {
            expected[name] = value?.DeepClone();
        }

        expected.Remove("id");
        foreach (var serverSet in RoundTrip.ServerSetProperties(typeof(ItemResponse), Json))
        {
            expected.Remove(serverSet); // audit columns: the server's, changed by every write
        }

        var updated = await SendAsync(HttpMethod.Put, $"{Resource}{id}", change);
        RoundTrip.AssertCarries(updated, expected, what);
        RoundTrip.AssertCarries(await GetAsync($"{Resource}{id}"), expected, $"{what}, read again");
        return updated;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonBody(body.ToJsonString()) };
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{method} {path} {body.ToJsonString()}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonNode?> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {text}");
        return JsonNode.Parse(text);
    }
}
