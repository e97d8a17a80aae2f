using Fpas.Application.Common.Querying;

namespace Fpas.Api.Paging;

/// <summary>A list query read from a query string, with the fingerprint its cursors are bound to (filters, <c>q</c>, normalized order).</summary>
public sealed record ParsedListQuery(ListQuery Query, string Fingerprint);
