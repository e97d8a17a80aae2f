using System.Net.Mime;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Errors;

/// <summary>
/// Writes every problem the app answers outside MVC (exceptions, status code pages, 415s, 503s) as
/// <c>application/problem+json</c> in UTF-8, whatever the request's <c>Accept</c> says: the framework's own writer
/// falls back to <c>text/plain</c> for a client that does not accept JSON.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<JsonOptions> jsonOptions, IOptions<ProblemDetailsOptions> problemOptions) : IProblemDetailsWriter
{
    private const string ContentType = MediaTypeNames.Application.ProblemJson + "; charset=utf-8";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var httpContext = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= httpContext.Response.StatusCode;
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);

        return new ValueTask(httpContext.Response.WriteAsJsonAsync(
            problem, problem.GetType(), jsonOptions.Value.SerializerOptions, ContentType, httpContext.RequestAborted));
    }
}
