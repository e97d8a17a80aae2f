using Asp.Versioning;
using Fpas.Api.OpenApi;

namespace Fpas.Api.Versioning;

/// <summary>
/// On every answer of a deprecated version: <c>Deprecation</c> (RFC 9745), <c>Sunset</c> (RFC 8594) when set, a
/// <c>Link</c> to the deprecation page when set, and a <c>Link</c> to the successor version's document (RFC 5829).
/// Version-neutral endpoints (<c>/</c>, health, documents) carry none.
/// </summary>
public sealed class DeprecationHeaders(
    RequestDelegate next,
    IPolicyManager<DeprecationPolicy> deprecations,
    IPolicyManager<SunsetPolicy> sunsets)
{
    /// <summary>Decided here, after routing: the exception handler forgets the endpoint before it writes a problem.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<ApiVersionMetadata>();
        if (metadata is { IsApiVersionNeutral: false }
            && context.Features.Get<IApiVersioningFeature>()?.RequestedApiVersion is { } version
            && deprecations.TryGetPolicy(null, version, out var deprecation))
        {
            sunsets.TryGetPolicy(null, version, out var sunset);
            context.Response.OnStarting(() =>
            {
                Write(context, version, deprecation, sunset);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    private static void Write(HttpContext context, ApiVersion version, DeprecationPolicy deprecation, SunsetPolicy? sunset)
    {
        var response = context.Response;
        response.WriteDeprecationPolicy(deprecation);
        if (sunset is not null)
        {
            response.WriteSunsetPolicy(sunset);
        }

        var successor = ApiVersions.SuccessorOf(version.MajorVersion ?? 0);
        var document = context.Request.PathBase + ApiDocumentation.PathOf(successor);
        response.Headers.Append("Link", $"<{document}>; rel=\"successor-version\"; type=\"application/json\"");
    }
}
