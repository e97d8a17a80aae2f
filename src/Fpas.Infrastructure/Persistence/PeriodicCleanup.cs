using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// A clean-up that runs every <paramref name="interval"/> on every instance (concurrent runs only share the work); a
/// failed run (database away) is logged and retried at the next tick. Expired idempotency keys, purged soft deletes.
/// </summary>
public abstract partial class PeriodicCleanup(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The app's clock, which the run compares with.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>One run: removes what is due, and returns how many rows.</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await RunOnceAsync(stoppingToken);
                LogRemoved(logger, GetType().Name, removed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception, GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Cleanup} removed {Count} rows")]
    private static partial void LogRemoved(ILogger logger, string cleanup, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Cleanup} failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string cleanup);
}
