using System.Net.Mime;
using Fpas.Api.Health;
using Fpas.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fpas.Api.Controllers;

/// <summary>Liveness (the process serves) and readiness (PostgreSQL answers and the instance is not stopping) probes.</summary>
[ApiController]
[AllowAnonymous]
[Route("health")]
public sealed class HealthController(HealthCheckService health) : ControllerBase
{
    [HttpGet("live")]
    [EndpointSummary("Liveness: 200 while the process serves")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    public HealthResponse Live() => new(nameof(HealthStatus.Healthy));

    [HttpGet("ready")]
    [EndpointSummary("Readiness: 200 when PostgreSQL answers and the instance is not stopping, else 503")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, MediaTypeNames.Application.ProblemJson)]
    public async Task<IActionResult> ReadyAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthCheckTags.Ready), cancellationToken);
        if (report.Status == HealthStatus.Healthy)
        {
            return Ok(new HealthResponse(report.Status.ToString()));
        }

        var failed = report.Entries.Values.FirstOrDefault(entry => entry.Status != HealthStatus.Healthy);
        return Problem(
            detail: failed.Description ?? "PostgreSQL is not answering.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
