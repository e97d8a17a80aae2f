namespace Fpas.Api.Security;

/// <summary>
/// Who may call the API: the <c>Authentication</c> and <c>Authorization</c> settings, and whether a bearer token issuer
/// is configured under <c>Authentication:Schemes:Bearer</c> (docs/adr/0012-fail-closed-authentication.md).
/// </summary>
public sealed class ApiSecurityOptions
{
    public const string NotConfiguredMessage =
        "Authentication:Schemes:Bearer is not configured (Authority or SigningKeys, and ValidAudiences): "
        + "point it at a token issuer, or set Authentication:AllowAnonymousWrites=true to serve without authentication.";

    public const string ReadsNeedBearerMessage =
        "Authorization:RequireAuthenticatedReads=true needs Authentication:Schemes:Bearer to be configured.";

    /// <summary>A token issuer is configured: <c>Authority</c> or <c>SigningKeys</c>, and the accepted audiences.</summary>
    public bool BearerConfigured { get; set; }

    /// <summary><c>Authentication:AllowAnonymousWrites</c>: serve writes without a token, said explicitly.</summary>
    public bool AllowAnonymousWrites { get; set; }

    /// <summary><c>Authorization:RequireAuthenticatedReads</c>: reads need the resource's read scope too.</summary>
    public bool RequireAuthenticatedReads { get; set; }

    /// <summary>Development with nothing configured keeps the open API of a developer's machine.</summary>
    public bool IsDevelopment { get; set; }

    public bool AnonymousWrites => AllowAnonymousWrites || (!BearerConfigured && IsDevelopment);

    /// <summary>Fail closed: outside Development, no issuer and no explicit opt-out is a configuration error.</summary>
    public bool IsValid => BearerConfigured || AllowAnonymousWrites || IsDevelopment;
}
