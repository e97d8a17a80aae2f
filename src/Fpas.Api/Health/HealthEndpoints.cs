using Fpas.Api.Errors;
using Fpas.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fpas.Api.Health;

/// <summary>
/// The probes, through the framework's health checks: <c>/health/live</c> (200 while the process serves) and
/// <c>/health/ready</c> (the checks tagged ready: PostgreSQL, and the shutdown drain). Healthy answers
/// <c>{"status": "Healthy"}</c>; anything else is a 503 problem naming the failed check.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string LiveSummary = "Liveness: 200 while the process serves";
    public const string ReadySummary = "Readiness: 200 when PostgreSQL answers and the instance is not stopping, else 503";

    private const string DefaultFailure = "PostgreSQL is not answering.";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .AllowAnonymous();

        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthCheckTags.Ready),
            ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            ResponseWriter = WriteAsync,
        })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsJsonAsync(new HealthResponse(nameof(HealthStatus.Healthy)), context.RequestAborted);
        }

        var failed = report.Entries.Values.FirstOrDefault(entry => entry.Status != HealthStatus.Healthy);
        return context.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, failed.Description ?? DefaultFailure);
    }
}
