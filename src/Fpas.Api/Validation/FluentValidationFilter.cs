using System.Collections.Concurrent;
using FluentValidation;
using FluentValidation.AspNetCore;
using Fpas.Api.Errors;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Fpas.Api.Validation;

/// <summary>
/// Runs the FluentValidation validator of every action argument that has one, asynchronously,
/// and answers 422 when any fails. (The package's automatic validation runs rules synchronously.)
/// An action none of whose arguments has a validator goes straight on: no validator lookup, no extra async step.
/// </summary>
public sealed class FluentValidationFilter : IAsyncActionFilter
{
    private readonly ConcurrentDictionary<Type, Type?> _validatorTypes = new();

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return HasValidator(context) ? ValidateAsync(context, next) : next();
    }

    private async Task ValidateAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null || ValidatorType(argument.GetType(), services) is not { } validatorType
                || services.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator
                .ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted)
                ;
            result.AddToModelState(context.ModelState);
        }

        if (!context.ModelState.IsValid)
        {
            context.Result = ValidationProblems.Create(context);
            return;
        }

        await next();
    }

    private bool HasValidator(ActionExecutingContext context)
    {
        if (!context.ModelState.IsValid)
        {
            return true;
        }

        var services = context.HttpContext.RequestServices;
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is not null && ValidatorType(argument.GetType(), services) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>IValidator&lt;T&gt;</c> of <paramref name="type"/> when one is registered, else null; looked up once per type.</summary>
    private Type? ValidatorType(Type type, IServiceProvider services) =>
        _validatorTypes.GetOrAdd(type, static (type, services) =>
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(type);
            return services.GetService(typeof(IServiceProviderIsService)) is IServiceProviderIsService registry && !registry.IsService(validatorType)
                ? null
                : validatorType;
        }, services);
}
