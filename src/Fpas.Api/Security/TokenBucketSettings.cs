namespace Fpas.Api.Security;

/// <summary>One token bucket per client: <see cref="TokenLimit"/> requests at once, <see cref="TokensPerPeriod"/> more per period.</summary>
public sealed class TokenBucketSettings
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsValid => TokenLimit > 0 && TokensPerPeriod > 0 && ReplenishmentPeriod > TimeSpan.Zero;
}
