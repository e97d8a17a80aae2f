using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;

namespace Fpas.Api.Telemetry;

/// <summary>
/// The route template of the endpoint that served a request, spelled as a path (<c>/items/{id}</c>; attribute routes
/// are written without the leading slash): the name of a request in logs and spans. Cached per template.
/// </summary>
public static class RouteTemplates
{
    private static readonly ConcurrentDictionary<string, string> Spelled = new(StringComparer.Ordinal);

    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A request answered by the exception handler has lost its endpoint; the handler's feature keeps it.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint is RouteEndpoint { RoutePattern.RawText: { } raw }
            ? Spelled.GetOrAdd(raw, static template => template.StartsWith('/') ? template : "/" + template)
            : null;
    }
}
