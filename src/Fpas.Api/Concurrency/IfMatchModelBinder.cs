using Fpas.Application.Common.Concurrency;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Fpas.Api.Concurrency;

/// <summary>No <c>If-Match</c> is <see cref="VersionCondition.Unconditional"/>; otherwise the parsed condition.</summary>
public sealed class IfMatchModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.HttpContext.Request.Headers.IfMatch;
        bindingContext.Result = ModelBindingResult.Success(
            values.Count == 0 ? VersionCondition.Unconditional : EntityTags.ParseIfMatch(values));
        return Task.CompletedTask;
    }
}
