namespace Fpas.Application.Common.Querying;

/// <summary>
/// A list request: filters (ANDed), an optional full-text search, the order (ending in the id), and the page: after
/// the row at <see cref="After"/> (a cursor's sort values, in the order's keys) and/or <see cref="AfterId"/>, skipping
/// <see cref="Offset"/>, at most <see cref="Limit"/> rows.
/// </summary>
public sealed record ListQuery(
    IReadOnlyList<FieldCondition> Conditions,
    string? Search,
    IReadOnlyList<OrderKey> Order,
    int Limit,
    int Offset = 0,
    long? AfterId = null,
    IReadOnlyList<object>? After = null)
{
    /// <summary>Soft-deleted rows too (<c>include_deleted=true</c>); only for <see cref="Domain.Common.ISoftDeletable"/> entities.</summary>
    public bool IncludeDeleted { get; init; }

    /// <summary>True when the query has no filter, no search, no cursor and the default order (by id): the plain id-ordered page.</summary>
    public bool IsPlain => Conditions.Count == 0 && Search is null && After is null && !IncludeDeleted
        && Order is [{ Descending: false } only] && only.Field.Name == ListFields.IdName;
}
