using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.AspNetCore;
using Fpas.Api.Errors;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Fpas.Api.Validation;

/// <summary>
/// Runs the FluentValidation validator of every action argument that has one, asynchronously,
/// and answers 422 when any fails. (The package's automatic validation runs rules synchronously.)
/// </summary>
public sealed class FluentValidationFilter : IAsyncActionFilter
{
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null)
            {
                continue;
            }

            var validatorType = ValidatorTypes.GetOrAdd(argument.GetType(), type => typeof(IValidator<>).MakeGenericType(type));
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator
                .ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted)
                .ConfigureAwait(false);
            result.AddToModelState(context.ModelState);
        }

        if (!context.ModelState.IsValid)
        {
            context.Result = ValidationProblems.Create(context);
            return;
        }

        await next().ConfigureAwait(false);
    }
}
