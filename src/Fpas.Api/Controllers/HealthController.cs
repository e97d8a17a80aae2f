using System.Net.Mime;
using Fpas.Api.Health;
using Fpas.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fpas.Api.Controllers;

/// <summary>Liveness (the process serves) and readiness (PostgreSQL answers) probes.</summary>
[ApiController]
[Route("health")]
public sealed class HealthController(HealthCheckService health) : ControllerBase
{
    [HttpGet("live")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    public HealthResponse Live() => new(nameof(HealthStatus.Healthy));

    [HttpGet("ready")]
    [ProducesResponseType<HealthResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, MediaTypeNames.Application.ProblemJson)]
    public async Task<IActionResult> ReadyAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthCheckTags.Ready), cancellationToken);
        return report.Status == HealthStatus.Healthy
            ? Ok(new HealthResponse(report.Status.ToString()))
            : Problem(
                detail: "PostgreSQL is not answering.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
