using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Fpas.Api.Errors;

/// <summary>What every problem body carries, from MVC or not: a title, and the W3C trace id of the request under <c>traceId</c>.</summary>
public static class ProblemDefaults
{
    public const string TraceIdKey = "traceId";

    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Title ??= problem.Status is { } status ? ReasonPhrases.GetReasonPhrase(status) : null;
        var extensions = problem.Extensions;
        extensions.Remove("trace_id");
        extensions[TraceIdKey] = TraceId();
        context.HttpContext.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>32 lowercase hex digits: the trace the request's server span belongs to.</summary>
    public static string TraceId() =>
        (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();
}
