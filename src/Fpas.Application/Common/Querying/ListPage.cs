namespace Fpas.Application.Common.Querying;

/// <summary>One page of a list, and where the next starts (the last row's sort values) when the page is full.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, IReadOnlyList<object>? Next);
