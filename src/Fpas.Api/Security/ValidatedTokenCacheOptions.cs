namespace Fpas.Api.Security;

/// <summary>
/// <c>Authentication:ValidatedTokenCache</c>: how many validated bearer tokens are remembered, and for how long at most
/// (never past the token's own expiry). <c>MaxEntries</c> 0 validates every token on every request (ADR 17).
/// </summary>
public sealed class ValidatedTokenCacheOptions
{
    public const string SectionName = "Authentication:ValidatedTokenCache";

    public const string InvalidMessage =
        SectionName + ": MaxEntries must be 0 or more, and MaxAge more than zero.";

    public int MaxEntries { get; set; } = 10_000;

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsValid => MaxEntries >= 0 && MaxAge > TimeSpan.Zero;
}
