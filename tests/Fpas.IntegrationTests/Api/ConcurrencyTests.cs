using System.Net;
using Fpas.IntegrationTests.Support;

namespace Fpas.IntegrationTests.Api;

/// <summary>The unique name holds under concurrent requests: one winner, every other request a clean 400.</summary>
public sealed class ConcurrencyTests : ApiTest
{
    private const int Requests = 20;

    [Test]
    public async Task ConcurrentCreatesOfOneName_GiveOne200AndNineteen400s()
    {
        var statuses = await RaceAsync(_ => Client.PostAsync("/items/", JsonBody("""{"name": "contested"}""")));

        AssertOneWinner(statuses);
    }

    [Test]
    public async Task ConcurrentRenamesToOneName_GiveOne200AndNineteen400s()
    {
        var ids = new List<long>();
        for (var i = 0; i < Requests; i++)
        {
            ids.Add((await CreateItemAsync($"item {i}")).Id);
        }

        var statuses = await RaceAsync(i => Client.PutAsync($"/items/{ids[i]}", JsonBody("""{"name": "contested"}""")));

        AssertOneWinner(statuses);
    }

    private static Task<HttpStatusCode[]> RaceAsync(Func<int, Task<HttpResponseMessage>> send) =>
        Race.RunAsync(Requests, async i =>
        {
            using var response = await send(i);
            return response.StatusCode;
        });

    private static void AssertOneWinner(HttpStatusCode[] statuses) =>
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(status => status == HttpStatusCode.OK), Is.EqualTo(1));
            Assert.That(statuses.Count(status => status == HttpStatusCode.BadRequest), Is.EqualTo(Requests - 1));
        });
}
