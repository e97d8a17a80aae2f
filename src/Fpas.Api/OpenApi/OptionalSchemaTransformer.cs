using System.Reflection;
using Fpas.Application.Common.Models;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>
/// Describes an <see cref="Optional{T}"/> property as its <c>T</c>: on the wire it is just an optional property.
/// Null is allowed in the schema only where the property is declared nullable (<c>Optional&lt;string?&gt;</c>).
/// </summary>
public sealed class OptionalSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Optional<>))
        {
            return Task.CompletedTask;
        }

        var valueType = type.GetGenericArguments()[0];
        var underlying = Nullable.GetUnderlyingType(valueType) ?? valueType;
        (schema.Type, schema.Format) = underlying switch
        {
            _ when underlying == typeof(string) => (JsonSchemaType.String, null),
            _ when underlying == typeof(bool) => (JsonSchemaType.Boolean, null),
            _ when underlying == typeof(int) => (JsonSchemaType.Integer, "int32"),
            _ when underlying == typeof(long) => (JsonSchemaType.Integer, "int64"),
            _ when underlying == typeof(double) || underlying == typeof(decimal) => (JsonSchemaType.Number, null),
            _ when underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime) => (JsonSchemaType.String, "date-time"),
            _ when underlying == typeof(Guid) => (JsonSchemaType.String, "uuid"),
            _ => (schema.Type, schema.Format),
        };

        if (IsDeclaredNullable(context, valueType))
        {
            schema.Type |= JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }

    private static bool IsDeclaredNullable(OpenApiSchemaTransformerContext context, Type valueType)
    {
        if (Nullable.GetUnderlyingType(valueType) is not null)
        {
            return true;
        }

        return context.JsonPropertyInfo?.AttributeProvider is PropertyInfo property
            && Nullability.Create(property).GenericTypeArguments is [{ ReadState: NullabilityState.Nullable }];
    }
}
