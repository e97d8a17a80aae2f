namespace Fpas.Domain.Common;

/// <summary>
/// An entity whose delete only marks it: <see cref="DeletedAt"/> set hides the row from every read and write
/// (a named query filter), until it is restored or purged after the retention (ADR 19).
/// </summary>
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; set; }

    string? DeletedBy { get; set; }
}
