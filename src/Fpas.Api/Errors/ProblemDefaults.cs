using System.Diagnostics;

namespace Fpas.Api.Errors;

/// <summary>What every problem body carries, from MVC or not: the W3C trace id of the request under <c>traceId</c>.</summary>
public static class ProblemDefaults
{
    public const string TraceIdKey = "traceId";

    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var extensions = context.ProblemDetails.Extensions;
        extensions.Remove("trace_id");
        extensions[TraceIdKey] = TraceId();
        context.HttpContext.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>32 lowercase hex digits: the trace the request's server span belongs to.</summary>
    public static string TraceId() =>
        (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();
}
