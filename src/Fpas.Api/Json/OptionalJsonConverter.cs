using System.Text.Json;
using System.Text.Json.Serialization;
using Fpas.Application.Common.Models;

namespace Fpas.Api.Json;

/// <summary>
/// Delegates to the converter of <typeparamref name="T"/>, so type errors (a null for a bool,
/// a number for a string) fail exactly as they would on a plain property, with their JSON path.
/// </summary>
internal sealed class OptionalJsonConverter<T>(JsonSerializerOptions options) : JsonConverter<Optional<T>>
{
    private readonly JsonConverter<T> _inner = (JsonConverter<T>)options.GetConverter(typeof(T));

    public override bool HandleNull => true;

    public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(_inner.Read(ref reader, typeof(T), options)!);

    public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.HasValue)
        {
            _inner.Write(writer, value.Value, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
