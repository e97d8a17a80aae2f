using System.Net.Http.Json;
using System.Text.Json;
using Fpas.Api.Json;
using Fpas.Application.Items;

namespace Fpas.IntegrationTests.Support;

/// <summary>Base of HTTP tests: a client of the in-process API over the run's (freshly reset) database.</summary>
public abstract class ApiTest : DatabaseTest
{
    protected static readonly JsonSerializerOptions Json = CreateJsonOptions();

    protected HttpClient Client { get; private set; } = null!;

    [SetUp]
    public void CreateClient() => Client = ApiHost.Factory.CreateClient();

    [TearDown]
    public void DisposeClient() => Client.Dispose();

    protected async Task<ItemResponse> CreateItemAsync(string name, string? description = null)
    {
        using var response = await Client.PostAsJsonAsync("/items/", new { name, description });
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemResponse>(Json))!;
    }

    /// <summary>A value as the wire shows it: two responses are the same when this is (record equality compares lists by reference).</summary>
    protected static string Wire<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>A request with one header (an <c>If-Match</c>, an <c>If-None-Match</c>) and, when given, a JSON body.</summary>
    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, (string Name, string Value) header, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        if (json is not null)
        {
            request.Content = JsonBody(json);
        }

        return await Client.SendAsync(request);
    }

    protected static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WireJson.Apply(options);
        return options;
    }
}
