using Fpas.Api.Errors;
using Fpas.Application.Common.Concurrency;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Concurrency;

/// <summary>With <c>Api:RequireIfMatch</c>, an action that takes a <see cref="VersionCondition"/> refuses a request without one (428).</summary>
public sealed class RequireIfMatchFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.RequestServices.GetRequiredService<IOptions<ConcurrencyOptions>>().Value.RequireIfMatch && context.ActionArguments.Values.Any(argument => argument is VersionCondition { IsUnconditional: true }))
        {
            context.Result = ProblemResults.Create(context.HttpContext, StatusCodes.Status428PreconditionRequired,
                "This request must be conditional: send If-Match with the ETag of the version you change.");
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
