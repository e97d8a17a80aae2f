namespace Fpas.Api.Security;

/// <summary>
/// Policy names follow the scope they need: <c>items:read</c>, <c>items:write</c>. A resource's scopes are named after
/// its route, so a new resource gets its own without code (<see cref="ResourceScopesConvention"/>).
/// </summary>
public static class ScopePolicies
{
    public const string ReadSuffix = ":read";
    public const string WriteSuffix = ":write";

    /// <summary>The claims scopes are read from: OAuth 2.0 <c>scope</c> (space-separated) and the <c>scp</c> of some issuers.</summary>
    public static readonly string[] ScopeClaimTypes = ["scope", "scp"];

    public static string Read(string resource) => resource + ReadSuffix;

    public static string Write(string resource) => resource + WriteSuffix;

    public static bool IsRead(string policy) => policy.EndsWith(ReadSuffix, StringComparison.Ordinal);

    public static bool IsWrite(string policy) => policy.EndsWith(WriteSuffix, StringComparison.Ordinal);
}
