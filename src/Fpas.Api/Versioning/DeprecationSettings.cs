namespace Fpas.Api.Versioning;

/// <summary>One deprecated version, <c>ApiVersioning:Deprecated:&lt;major&gt;</c> (ADR 20).</summary>
public sealed class DeprecationSettings
{
    /// <summary>When the version is (or will be) deprecated: the <c>Deprecation</c> header (RFC 9745). Required.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>When the version stops answering: the <c>Sunset</c> header (RFC 8594). Optional.</summary>
    public DateTimeOffset? Sunset { get; set; }

    /// <summary>A page for people about the deprecation: <c>Link: &lt;...&gt;; rel="deprecation"</c>. Optional.</summary>
    public Uri? Link { get; set; }
}
