using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Fpas.Api.Security;

/// <summary>
/// The policy of a scope an action declares (<see cref="RequireScopeAttribute"/>: <c>items:read</c>, <c>items:write</c>),
/// and the claims a bearer token names its scopes and its client in.
/// </summary>
public static class ScopePolicies
{
    public const string ReadSuffix = ":read";
    public const string WriteSuffix = ":write";

    /// <summary>The claims scopes are read from: OAuth 2.0 <c>scope</c> (space-separated) and the <c>scp</c> of some issuers.</summary>
    public static readonly string[] ScopeClaimTypes = ["scope", "scp"];

    /// <summary>The claim that names the client (OpenID Connect <c>sub</c>): audit columns, idempotency keys, rate limits.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>An authenticated bearer token granting <paramref name="scope"/>; it names the bearer scheme, so only
    /// requests that need it authenticate (ADR 12). Endpoint metadata, so the authorization middleware caches it.</summary>
    public static AuthorizationPolicy For(string scope) =>
        new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser().RequireAssertion(context => Grants(context.User, scope)).Build();

    public static bool IsRead(string policy) => policy.EndsWith(ReadSuffix, StringComparison.Ordinal);

    public static bool IsWrite(string policy) => policy.EndsWith(WriteSuffix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="user"/> holds <paramref name="scope"/> in one of its <see cref="ScopeClaimTypes"/> claims (space-separated).</summary>
    public static bool Grants(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var claim in user.Claims)
        {
            if (Array.IndexOf(ScopeClaimTypes, claim.Type) >= 0
                && claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
