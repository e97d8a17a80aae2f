using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>
/// The operation's <c>operationId</c>, which generated clients name their methods after: stable when routes change.
/// Not a route or endpoint name, which must be unique, while an action answers at <c>/items</c> and <c>/v2/items</c>
/// and a v2 operation keeps its v1 name (ADR 20). Written into each document by its nested transformer.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OperationIdAttribute(string id) : Attribute
{
    public string Id { get; } = id;

    public sealed class Transformer : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(operation);
            ArgumentNullException.ThrowIfNull(context);
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<OperationIdAttribute>().LastOrDefault() is { } declared)
            {
                operation.OperationId = declared.Id;
            }

            return Task.CompletedTask;
        }
    }
}
