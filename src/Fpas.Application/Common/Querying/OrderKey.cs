namespace Fpas.Application.Common.Querying;

/// <summary>One key of a list's order.</summary>
public sealed record OrderKey(QueryField Field, bool Descending);
