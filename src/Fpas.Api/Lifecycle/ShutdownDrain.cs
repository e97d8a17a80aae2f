using Microsoft.Extensions.Options;

namespace Fpas.Api.Lifecycle;

/// <summary>
/// The first step of a graceful stop: readiness turns 503 at once, the app keeps serving for
/// <see cref="ShutdownOptions.DrainDelay"/>, then the host stops Kestrel, which finishes the requests in flight.
/// </summary>
/// <remarks>
/// <see cref="IHostedLifecycleService.StoppingAsync"/> runs before any hosted service stops, so the server still accepts
/// connections during the delay.
/// </remarks>
public sealed partial class ShutdownDrain(IOptions<ShutdownOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    private volatile bool _draining;

    /// <summary>True from the stop signal on: the instance must leave the load balancer's rotation.</summary>
    public bool IsDraining => _draining;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var delay = options.Value.DrainDelay;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(logger, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out during the delay; the host goes on stopping.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: readiness is 503, serving on for {DrainSeconds} s before the server stops accepting")]
    private static partial void LogDraining(ILogger logger, double drainSeconds);
}
