namespace Fpas.Domain.Common;

/// <summary>
/// An entity that records who created and last changed it, and when. The repository sets all four on every write,
/// on both write paths, in the write's own statement; clients never do (ADR 19).
/// </summary>
public interface IAudited
{
    DateTimeOffset CreatedAt { get; set; }

    string CreatedBy { get; set; }

    DateTimeOffset UpdatedAt { get; set; }

    string UpdatedBy { get; set; }
}
