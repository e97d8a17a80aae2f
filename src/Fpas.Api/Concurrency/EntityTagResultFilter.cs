using Fpas.Application.Common.Concurrency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Fpas.Api.Concurrency;

/// <summary>
/// Turns an action's <see cref="Versioned{TValue}"/> result into its value plus an <c>ETag</c>, and answers a
/// <c>GET</c> whose <c>If-None-Match</c> names that tag with 304 and no body.
/// </summary>
public sealed class EntityTagResultFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is not ObjectResult { Value: IVersioned versioned } result)
        {
            return;
        }

        var http = context.HttpContext;
        http.Response.Headers.ETag = EntityTags.Format(versioned.Version);
        if (HttpMethods.IsGet(http.Request.Method) && EntityTags.MatchesIfNoneMatch(http.Request.Headers.IfNoneMatch, versioned.Version))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
            return;
        }

        result.Value = versioned.Value;
        result.DeclaredType = versioned.ValueType;
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
