using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fpas.Api.Lifecycle;

/// <summary>Readiness fails as soon as the instance starts stopping.</summary>
public sealed class ShutdownHealthCheck(ShutdownDrain drain) : IHealthCheck
{
    public const string Name = "shutdown";
    public const string DrainingDescription = "The instance is shutting down.";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining ? HealthCheckResult.Unhealthy(DrainingDescription) : HealthCheckResult.Healthy());
}
