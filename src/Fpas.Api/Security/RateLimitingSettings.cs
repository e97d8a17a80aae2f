namespace Fpas.Api.Security;

/// <summary>
/// The <c>RateLimiting</c> section: a token bucket per client for reads (<c>GET</c>, <c>HEAD</c>) and one for writes.
/// Off unless a bucket is configured; health probes are never limited.
/// </summary>
public sealed class RateLimitingSettings
{
    public const string SectionName = "RateLimiting";

    public const string InvalidMessage =
        SectionName + ": each bucket configured needs TokenLimit and TokensPerPeriod of at least 1 and a positive ReplenishmentPeriod.";

    public TokenBucketSettings? Reads { get; set; }

    public TokenBucketSettings? Writes { get; set; }

    public bool Enabled => Reads is not null || Writes is not null;

    /// <summary>A bucket the limiter could not be built from would fail every request it applies to: refused at start-up.</summary>
    public bool IsValid => Reads?.IsValid != false && Writes?.IsValid != false;
}
