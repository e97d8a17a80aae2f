namespace Fpas.Infrastructure.Persistence.SoftDelete;

/// <summary>How long soft-deleted rows can be restored, and how their purge runs (section <c>SoftDelete</c>).</summary>
public sealed class SoftDeleteOptions
{
    public const string SectionName = "SoftDelete";

    /// <summary>A row deleted longer ago than this is purged for good.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the purge runs.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many rows per delete statement, so that the purge never holds long locks.</summary>
    public int PurgeBatchSize { get; set; } = 1000;
}
