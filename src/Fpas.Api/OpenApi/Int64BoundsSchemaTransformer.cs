using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fpas.Api.OpenApi;

/// <summary>
/// A 64-bit bound as the document states it: <c>[Range(1, long.MaxValue)]</c> reaches the schema through a double,
/// as 9223372036854776000, which exceeds int64 and breaks strict validators and generators. Written exactly.
/// </summary>
public sealed class Int64BoundsSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly string Max = long.MaxValue.ToString(CultureInfo.InvariantCulture);
    private static readonly string Min = long.MinValue.ToString(CultureInfo.InvariantCulture);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Format == "int64")
        {
            schema.Maximum = Clamp(schema.Maximum);
            schema.Minimum = Clamp(schema.Minimum);
        }

        return Task.CompletedTask;
    }

    private static string? Clamp(string? bound) =>
        bound is null || !double.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? bound
        : value >= long.MaxValue ? Max
        : value <= long.MinValue ? Min
        : bound;
}
