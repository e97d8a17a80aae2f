using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fpas.IntegrationTests.Support;

/// <summary>
/// Tokens signed with a key of the tests' own, and the settings that make the app trust them: the same
/// <c>Authentication:Schemes:Bearer</c> keys a real deployment (or <c>dotnet user-jwts</c>) uses, no mocked handler.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://issuer.fpas.test";
    public const string Audience = "fpas-api";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] OtherKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>Settings of a server that requires tokens from <see cref="Issuer"/> for <see cref="Audience"/>.</summary>
    public static Dictionary<string, string> BearerSettings(bool requireAuthenticatedReads = false) => new()
    {
        ["Authentication:AllowAnonymousWrites"] = "false",
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
        ["Authorization:RequireAuthenticatedReads"] = requireAuthenticatedReads ? "true" : "false",
    };

    public static string Create(
        string? scope = null,
        string subject = "user-1",
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        bool otherKey = false,
        string scopeClaim = "scope")
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (scope is not null)
        {
            claims[scopeClaim] = scope;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(otherKey ? OtherKey : Key), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with every claim a valid one has.</summary>
    public static string WithoutSignature(string scope)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"user-1","scope":"{{scope}}","iss":"{{Issuer}}","aud":"{{Audience}}","iat":{{now}},"nbf":{{now}},"exp":{{now + 600}}}""");
        return $"{header}.{payload}.";
    }

}
