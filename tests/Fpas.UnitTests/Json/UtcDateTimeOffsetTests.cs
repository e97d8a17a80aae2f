using System.Text.Json;
using Fpas.Api.Json;

namespace Fpas.UnitTests.Json;

public sealed class UtcDateTimeOffsetTests
{
    private static readonly JsonSerializerOptions Wire = CreateWire();

    [TestCase("\"2026-01-01T02:30:00+02:00\"")]
    [TestCase("\"2026-01-01T00:30:00Z\"")]
    [TestCase("\"2025-12-31T19:30:00-05:00\"")]
    public void DateTimeOffset_WithAnyOffset_IsReadAsTheSameInstantInUtc(string json)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>(json, Wire);

        Assert.Multiple(() =>
        {
            Assert.That(value.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(value.UtcDateTime, Is.EqualTo(new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Utc)));
        });
    }

    [Test]
    public void NullableDateTimeOffset_IsReadInUtc_AndNullStaysNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Deserialize<DateTimeOffset?>("\"2026-01-01T02:30:00+02:00\"", Wire)?.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(JsonSerializer.Deserialize<DateTimeOffset?>("null", Wire), Is.Null);
        });
    }

    [TestCase("\"yesterday\"")]
    [TestCase("12")]
    public void NotADateTime_IsAJsonError_WithItsPath(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>($"{{\"available_from\": {json}}}", Wire));

        Assert.That(error!.Path, Is.EqualTo("$.available_from"));
    }

    [Test]
    public void DateTimeOffset_IsWrittenAsIso8601()
    {
        Assert.That(JsonSerializer.Serialize(new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.Zero), Wire), Is.EqualTo("\"2026-01-01T00:30:00+00:00\""));
    }

    private static JsonSerializerOptions CreateWire()
    {
        var options = new JsonSerializerOptions();
        WireJson.Apply(options);
        return options;
    }
}
