using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Fpas.Api.OpenApi;

/// <summary>
/// A record parameter of a struct type declared <c>= default</c> (<c>DateTimeOffset AvailableFrom = default</c>) reports
/// null as its default value, which System.Text.Json's schema exporter cannot write for a struct: the whole document
/// failed. Such a type is described through its properties instead of its constructor (no <c>default</c> in its schema).
/// Applied to the options the document is built with (<c>ConfigureHttpJsonOptions</c>); MVC reads bodies with its own.
/// </summary>
public static class StructDefaultsInSchemas
{
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Describe);
    }

    private static void Describe(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind == JsonTypeInfoKind.Object && typeInfo.Properties.Any(property =>
                property.AssociatedParameter is { HasDefaultValue: true, DefaultValue: null }
                && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null))
        {
            typeInfo.CreateObject = () => RuntimeHelpers.GetUninitializedObject(typeInfo.Type);
        }
    }
}
