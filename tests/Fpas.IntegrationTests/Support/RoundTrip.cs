using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Fpas.Application.Common.Models;

namespace Fpas.IntegrationTests.Support;

/// <summary>
/// Sample request bodies built from a request type's own JSON contract (every property, by its wire name and type), and
/// a field-by-field comparison of what was sent with what came back: a field a team adds is tested the moment it exists.
/// </summary>
public static class RoundTrip
{
    /// <summary>The wire properties of <paramref name="type"/>: name, type (an <see cref="Optional{T}"/> unwrapped), and whether null is a value.</summary>
    public static IEnumerable<(string Name, Type Type, bool Nullable)> Properties(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options.GetTypeInfo(type).Properties.Select(property =>
        {
            var propertyType = Unwrap(property.PropertyType);
            return (property.Name, propertyType, property.IsGetNullable || Nullable.GetUnderlyingType(propertyType) is not null);
        });
    }

    /// <summary>The wire names of the properties declared <c>[property: ReadOnly(true)]</c>: set by the server, never by a body.</summary>
    public static IEnumerable<string> ServerSetProperties(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options.GetTypeInfo(type).Properties
            .Where(property => property.AttributeProvider?.GetCustomAttributes(typeof(System.ComponentModel.ReadOnlyAttribute), inherit: true) is [System.ComponentModel.ReadOnlyAttribute { IsReadOnly: true }, ..])
            .Select(property => property.Name);
    }

    /// <summary>A body with every property of <paramref name="requestType"/> set, to sample <paramref name="variant"/> (0 or 1, so two bodies differ in every value).</summary>
    public static JsonObject Body(Type requestType, int variant, JsonSerializerOptions options, IReadOnlyDictionary<string, JsonNode?[]>? samples = null)
    {
        var body = new JsonObject();
        foreach (var (name, type, _) in Properties(requestType, options))
        {
            body[name] = Sample(name, type, variant, options, samples);
        }

        return body;
    }

    /// <summary>A value for property <paramref name="name"/> of <paramref name="type"/>: from <paramref name="samples"/> when it names the property, else by type.</summary>
    public static JsonNode? Sample(string name, Type type, int variant, JsonSerializerOptions options, IReadOnlyDictionary<string, JsonNode?[]>? samples = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (samples is not null && samples.TryGetValue(name, out var given))
        {
            return given[variant]?.DeepClone();
        }

        type = Nullable.GetUnderlyingType(Unwrap(type)) ?? Unwrap(type);
        var unique = Guid.NewGuid().ToString("N")[..8];
        return type switch
        {
            _ when type == typeof(string) => $"{name}-{variant}-{unique}",
            _ when type == typeof(bool) => variant == 1,
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => 7 + variant,
            _ when type == typeof(decimal) => 12.25m + variant,
            _ when type == typeof(double) || type == typeof(float) => 2.5 + variant,
            _ when type == typeof(Guid) => Guid.NewGuid(),
            _ when type == typeof(DateTimeOffset) => variant == 0 ? "2026-03-04T05:06:07+02:00" : "2027-01-02T03:04:05-05:00",
            _ when type == typeof(DateTime) => variant == 0 ? "2026-03-04T05:06:07Z" : "2027-01-02T03:04:05Z",
            _ when type == typeof(DateOnly) => variant == 0 ? "2026-03-04" : "2027-01-02",
            _ when type == typeof(TimeOnly) => variant == 0 ? "05:06:07" : "21:22:23",
            _ when type.IsEnum => JsonSerializer.SerializeToNode(Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1 - variant), type, options),
            _ when ElementType(type) is { } element => new JsonArray(Sample(name, element, variant, options), Sample(name, element, variant, options)),
            _ => Body(type, variant, options, samples),
        };
    }

    /// <summary>Asserts that <paramref name="answer"/> carries every property of <paramref name="sent"/> with the same value (instants as instants, numbers as numbers).</summary>
    public static void AssertCarries(JsonNode? answer, JsonObject sent, string what)
    {
        ArgumentNullException.ThrowIfNull(sent);
        Assert.That(answer, Is.InstanceOf<JsonObject>(), what);
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in sent)
            {
                Assert.That(((JsonObject)answer!).ContainsKey(name), Is.True, $"{what}: the answer has no '{name}'");
                Assert.That(Normal(answer![name]), Is.EqualTo(Normal(value)), $"{what}: '{name}'");
            }
        });
    }

    /// <summary>A value in a form two equal values share: date-times as UTC instants, numbers as decimals.</summary>
    public static string Normal(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}:{Normal(pair.Value)}")) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Normal)) + "]",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<decimal>().ToString("G29", CultureInfo.InvariantCulture),
        JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var text
                             && text.Length >= 20 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    private static Type Unwrap(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>) ? type.GetGenericArguments()[0] : type;

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.IsAssignableTo(typeof(IEnumerable)) ? type.GetGenericArguments()[0]
        : null;
}
