namespace Fpas.IntegrationTests.Support;

/// <summary>Starts <c>count</c> requests at the same moment (all wait on one gate, then go together) and collects their results.</summary>
public static class Race
{
    public static async Task<TResult[]> RunAsync<TResult>(int count, Func<int, Task<TResult>> racer)
    {
        ArgumentNullException.ThrowIfNull(racer);
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            return await racer(i);
        }).ToArray();
        start.Release(count);
        return await Task.WhenAll(racers);
    }
}
