using Fpas.Api.Errors;
using Fpas.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Fpas.Api.Concurrency;

/// <summary>
/// A failed <c>If-Match</c> is a 412 problem that carries the current <c>ETag</c>. Answered inside MVC (a filter on
/// every action) because the exception handler middleware strips <c>ETag</c> from every answer it writes; the problem
/// is <see cref="ApiExceptionHandler"/>'s mapping of it.
/// </summary>
public sealed class PreconditionFailedFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is not PreconditionFailedException exception)
        {
            return;
        }

        context.HttpContext.Response.Headers.ETag = EntityTags.Format(exception.CurrentVersion);
        context.Result = new ProblemResult(ApiExceptionHandler.Map(exception).Problem);
        context.ExceptionHandled = true;
    }
}
