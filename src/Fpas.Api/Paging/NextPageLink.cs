using System.Globalization;
using Fpas.Application.Common.Paging;
using Microsoft.AspNetCore.Http.Extensions;

namespace Fpas.Api.Paging;

/// <summary>Adds the RFC 8288 <c>Link: &lt;...&gt;; rel="next"</c> header to a full page, in keyset form.</summary>
public static class NextPageLink
{
    public static void AddNextPageLink<T>(this HttpContext httpContext, IReadOnlyList<T> page, PageRequest request, Func<T, long> idOf)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(idOf);
        if (page.Count == 0 || page.Count < request.Limit)
        {
            return;
        }

        var http = httpContext.Request;
        var query = QueryString.Create(
        [
            new KeyValuePair<string, string?>("limit", request.Limit.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string?>("after_id", idOf(page[^1]).ToString(CultureInfo.InvariantCulture)),
        ]);
        var next = UriHelper.BuildAbsolute(http.Scheme, http.Host, http.PathBase, http.Path, query);
        httpContext.Response.Headers.Link = $"<{next}>; rel=\"next\"";
    }
}
