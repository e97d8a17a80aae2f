using System.Diagnostics;
using Fpas.Api.OpenApi;

namespace Fpas.Api.Telemetry;

/// <summary>
/// One log record per request: method, route template (the path when no route matched), status, duration and the
/// W3C trace id, as fields of the record (not a logging scope: scopes cost the JSON console formatter ~10 % of
/// <c>read_one</c>, see bench/README.md). Health probes and the explorer's assets are logged at Debug,
/// everything else at Information. Written through a source-generated <see cref="LoggerMessage"/>: nothing is
/// formatted or allocated when the level is off.
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var level = IsQuiet(context.Request.Path) ? LogLevel.Debug : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
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
