using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fpas.Api.Json;

/// <summary>
/// Reads a date-time with any offset as the same instant in UTC: PostgreSQL's <c>timestamp with time zone</c> holds
/// instants, and Npgsql writes only offset 0, so <c>2026-01-01T02:00:00+02:00</c> is stored as <c>2026-01-01T00:00:00Z</c>.
/// </summary>
public sealed class UtcDateTimeOffsetJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
