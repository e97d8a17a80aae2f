using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Concurrency;

/// <summary>
/// No <c>If-Match</c> is <see cref="VersionCondition.Unconditional"/>, or a 428 when <c>Api:RequireIfMatch</c> is set;
/// otherwise the parsed condition.
/// </summary>
public sealed class IfMatchModelBinder(IOptions<ConcurrencyOptions> options) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.HttpContext.Request.Headers.IfMatch;
        if (values.Count == 0 && options.Value.RequireIfMatch)
        {
            throw new ConditionRequiredException();
        }

        bindingContext.Result = ModelBindingResult.Success(
            values.Count == 0 ? VersionCondition.Unconditional : EntityTags.ParseIfMatch(values));
        return Task.CompletedTask;
    }
}
