namespace Fpas.Api.Errors;

/// <summary>Answers a request with a problem from a middleware or a framework callback, through the app's problem writer.</summary>
public static class ProblemResponses
{
    public static Task WriteProblemAsync(this HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        }).AsTask();
    }
}
