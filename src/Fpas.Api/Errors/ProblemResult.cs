using Microsoft.AspNetCore.Mvc;

namespace Fpas.Api.Errors;

/// <summary>A problem answer from an MVC filter or factory, written by the app's one problem writer like every other.</summary>
public sealed class ProblemResult(ProblemDetails problem) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.HttpContext.WriteProblemAsync(problem);
    }
}
