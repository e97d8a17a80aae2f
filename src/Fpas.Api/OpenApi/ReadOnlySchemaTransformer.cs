using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>
/// Marks <c>readOnly</c> the properties declared <c>[property: ReadOnly(true)]</c>: values the server sets and request
/// bodies never change (the audit columns). The framework's schema generation does not read the attribute itself.
/// </summary>
public sealed class ReadOnlySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema.Properties is null || context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(ReadOnlyAttribute), inherit: true) is [ReadOnlyAttribute { IsReadOnly: true }, ..]
                && schema.Properties.TryGetValue(property.Name, out var described) && described is OpenApiSchema inline)
            {
                inline.ReadOnly = true;
            }
        }

        return Task.CompletedTask;
    }
}
