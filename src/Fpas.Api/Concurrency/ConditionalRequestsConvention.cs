using Fpas.Api.Idempotency;
using Fpas.Application.Common.Concurrency;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Fpas.Api.Concurrency;

/// <summary>
/// Gives each action the filters its signature calls for, and no others (a filter on every action is paid by every
/// request): an <c>ETag</c> to actions that return <see cref="Versioned{TValue}"/>, the <c>If-Match</c> rules to actions
/// that take a <see cref="VersionCondition"/>, and <c>Idempotency-Key</c> handling to every POST.
/// </summary>
public sealed class ConditionalRequestsConvention : IActionModelConvention
{
    private static readonly EntityTagResultFilter EntityTags = new();
    private static readonly RequireIfMatchFilter RequireIfMatch = new();
    private static readonly PreconditionFailedFilter PreconditionFailed = new();
    private static readonly IdempotencyFilter Idempotency = new();

    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (ReturnsVersioned(action.ActionMethod.ReturnType))
        {
            action.Filters.Add(EntityTags);
        }

        if (action.Parameters.Any(parameter => parameter.ParameterType == typeof(VersionCondition)))
        {
            action.Filters.Add(RequireIfMatch);
            action.Filters.Add(PreconditionFailed);
        }

        if (action.Attributes.OfType<IActionHttpMethodProvider>().Any(provider => provider.HttpMethods.Contains(HttpMethods.Post)))
        {
            action.Filters.Add(Idempotency);
        }
    }

    /// <summary>True for <see cref="Versioned{TValue}"/>, also inside a <see cref="Task{TResult}"/>.</summary>
    public static bool ReturnsVersioned(Type returnType)
    {
        ArgumentNullException.ThrowIfNull(returnType);
        var type = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? returnType.GetGenericArguments()[0]
            : returnType;
        return type.IsAssignableTo(typeof(IVersioned));
    }
}
