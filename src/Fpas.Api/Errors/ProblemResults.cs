using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Fpas.Api.Errors;

/// <summary>A problem answer from an MVC filter, built by the same factory (and defaults) as every other problem.</summary>
public static class ProblemResults
{
    public static ObjectResult Create(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.RequestServices.GetRequiredService<ProblemDetailsFactory>()
            .CreateProblemDetails(context, status, detail: detail);
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }
}
