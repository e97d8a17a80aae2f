namespace Fpas.Infrastructure.Idempotency;

/// <summary>How long idempotency keys are kept and how their clean-up runs (section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a key replays its answer after the first request.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired keys are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many rows per delete statement, so that clean-up never holds long locks.</summary>
    public int CleanupBatchSize { get; set; } = 1000;
}
