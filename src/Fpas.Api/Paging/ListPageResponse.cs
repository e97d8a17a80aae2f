namespace Fpas.Api.Paging;

/// <summary>A v2 list answer: the page's rows and, when the page is full, the <c>cursor</c> of the next page (ADR 20).</summary>
public sealed record ListPageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
