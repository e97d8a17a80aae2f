using System.Reflection;
using Fpas.Api.Concurrency;
using Fpas.Api.Idempotency;
using Fpas.Application.Common.Concurrency;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>
/// Documents the request fields the generic layers honour: <c>If-None-Match</c> on reads that return a versioned
/// entity, <c>If-Match</c> on writes that take a <see cref="VersionCondition"/>, <c>Idempotency-Key</c> on
/// <c>[Idempotent]</c> actions;
/// and the <c>ETag</c> of their answers.
/// </summary>
public sealed class ConditionalRequestsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return Task.CompletedTask;
        }

        var method = context.Description.HttpMethod ?? string.Empty;
        if (ReturnsVersioned(action.MethodInfo.ReturnType))
        {
            DescribeETag(operation);
            if (HttpMethods.IsGet(method))
            {
                AddHeader(operation, "If-None-Match", "An ETag of this item (or `*`): answered 304 without a body while it is still current.");
                operation.Responses?.TryAdd("304", new OpenApiResponse { Description = "Not modified: the ETag sent is current." });
            }
        }

        if (action.MethodInfo.GetParameters().Any(parameter => parameter.GetCustomAttribute<FromIfMatchAttribute>() is not null))
        {
            AddHeader(operation, "If-Match", "The ETag of the version this write replaces (or `*`: it exists). Answered 412 with the current ETag "
                + "when it has changed since; required (428 without it) when the server sets `Api:RequireIfMatch`.");
            operation.Responses?.TryAdd("428", ProblemResponse("If-Match is required by this server.", context.Document));
        }

        if (action.MethodInfo.GetCustomAttribute<IdempotentAttribute>() is not null)
        {
            AddHeader(operation, IdempotencyKeyHeader.Name, "1 to 255 visible ASCII characters, unique per request to this client. "
                + "A repeat with the same key and body replays the first answer (with `Idempotent-Replayed: true`); "
                + "another body under the key is a 422; a repeat while the first runs is a 409.");
            operation.Responses?.TryAdd("409", ProblemResponse("A request with this Idempotency-Key is still running.", context.Document));
        }

        return Task.CompletedTask;
    }

    /// <summary>True for <see cref="Versioned{TValue}"/>, also inside a <see cref="Task{TResult}"/>.</summary>
    private static bool ReturnsVersioned(Type returnType)
    {
        var type = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? returnType.GetGenericArguments()[0]
            : returnType;
        return type.IsAssignableTo(typeof(IVersioned));
    }

    private static void DescribeETag(OpenApiOperation operation)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) is true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "Strong entity tag of the item's stored version; it changes on every write.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static OpenApiResponse ProblemResponse(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
    };
}
