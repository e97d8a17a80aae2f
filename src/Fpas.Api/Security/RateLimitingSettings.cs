namespace Fpas.Api.Security;

/// <summary>
/// The <c>RateLimiting</c> section: a token bucket per client for reads (<c>GET</c>, <c>HEAD</c>) and one for writes.
/// Off unless a bucket is configured; health probes are never limited.
/// </summary>
public sealed class RateLimitingSettings
{
    public const string SectionName = "RateLimiting";

    public TokenBucketSettings? Reads { get; set; }

    public TokenBucketSettings? Writes { get; set; }

    public bool Enabled => Reads is not null || Writes is not null;
}
