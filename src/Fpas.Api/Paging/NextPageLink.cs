using System.Globalization;
using Fpas.Application.Common.Querying;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace Fpas.Api.Paging;

/// <summary>
/// Adds the RFC 8288 <c>Link: &lt;...&gt;; rel="next"</c> header to a full page: in keyset form (<c>limit</c>, <c>after_id</c>)
/// for a plain list, else the same query parameters with a <c>cursor</c> in place of <c>offset</c> and <c>after_id</c>;
/// or, for a v2 list, the next page's <c>cursor</c> alone.
/// </summary>
public static class NextPageLink
{
    private static readonly string[] Replaced = [ListQueryParser.OffsetName, ListQueryParser.AfterIdName, ListQueryParser.CursorName];

    public static void AddNextPageLink<T>(this HttpContext httpContext, ListPage<T> page, ParsedListQuery parsed, Func<T, long> idOf)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(idOf);
        if (page.Next is not { } next)
        {
            return;
        }

        var query = parsed.Query;
        var http = httpContext.Request;
        var parameters = query.IsPlain
            ? QueryString.Create(
            [
                new KeyValuePair<string, string?>(ListQueryParser.LimitName, query.Limit.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string?>(ListQueryParser.AfterIdName, idOf(page.Rows[^1]).ToString(CultureInfo.InvariantCulture)),
            ])
            : QueryString.Create(http.Query
                .Where(parameter => !Replaced.Contains(parameter.Key, StringComparer.Ordinal))
                .Append(new KeyValuePair<string, StringValues>(ListQueryParser.CursorName,
                    NextCursor(page, parsed)!)));
        var link = UriHelper.BuildAbsolute(http.Scheme, http.Host, http.PathBase, http.Path, parameters);
        httpContext.Response.Headers.Link = $"<{link}>; rel=\"next\"";
    }

    /// <summary>The <c>cursor</c> of the page after a full <paramref name="page"/>, for any query; null on the last page.</summary>
    public static string? NextCursor<T>(ListPage<T> page, ParsedListQuery parsed)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(parsed);
        return page.Next is { } next ? ListCursor.Encode(parsed.Fingerprint, parsed.Query.Order, next, parsed.Query.AfterId) : null;
    }
}
