using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Errors;

/// <summary>Answers a request with a problem, from a middleware, a framework callback or an MVC result, through the app's problem writer.</summary>
public static class ProblemResponses
{
    public static Task WriteProblemAsync(this HttpContext context, int status, string detail) =>
        context.WriteProblemAsync(new ProblemDetails { Status = status, Detail = detail });

    public static Task WriteProblemAsync(this HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
