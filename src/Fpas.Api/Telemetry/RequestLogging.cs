using System.Diagnostics;
using Fpas.Api.OpenApi;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Telemetry;

/// <summary>
/// One log record per request: method, route template (the path when no route matched), status, duration and the
/// W3C trace id, as fields of the record. The level says what needs attention: a client or server error (status 400
/// and above) or a request slower than <see cref="RequestLoggingOptions.SlowRequestThreshold"/> is logged at
/// Information; a quick success, a health probe and the explorer's assets at Debug, where the shipped configuration
/// writes nothing (a record per success was the largest per-request cost measured: ADR 15). Written through a
/// source-generated <see cref="LoggerMessage"/>: nothing is formatted or allocated when the level is off.
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger, IOptions<RequestLoggingOptions> options)
{
    private readonly long _slowTicks = (long)(options.Value.SlowRequestThreshold.TotalSeconds * Stopwatch.Frequency);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var ticks = Stopwatch.GetTimestamp() - started;
            var level = IsQuiet(context.Request.Path) || (context.Response.StatusCode < 400 && ticks < _slowTicks)
                ? LogLevel.Debug
                : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                var elapsed = ticks * 1000.0 / Stopwatch.Frequency;
                var route = RouteTemplates.Of(context) ?? context.Request.Path.Value ?? "/";
                var traceId = Activity.Current?.TraceId.ToHexString() ?? string.Empty;
                LogRequest(logger, level, context.Request.Method, route, context.Response.StatusCode, elapsed, traceId);
            }
        }
    }

    private static bool IsQuiet(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(ApiDocumentation.ExplorerPath, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 1, EventName = "Request", Message = "{Method} {Route} responded {StatusCode} in {ElapsedMilliseconds} ms (trace {TraceId})")]
    private static partial void LogRequest(ILogger logger, LogLevel level, string method, string route, int statusCode, double elapsedMilliseconds, string traceId);
}
