using System.Text.Json;
using System.Text.Json.Schema;
using Fpas.Api.Json;
using Fpas.Api.OpenApi;

namespace Fpas.UnitTests.Json;

public sealed class StructDefaultsInSchemasTests
{
    [Test]
    public void RecordWithAStructParameterDefaultingToDefault_HasASchema_WithEveryProperty()
    {
        var options = new JsonSerializerOptions();
        WireJson.Apply(options);
        StructDefaultsInSchemas.Apply(options);

        var schema = options.GetJsonSchemaAsNode(typeof(Offer));

        Assert.That(schema["properties"]!.AsObject().Select(property => property.Key), Is.EqualTo(new[] { "name", "available_from", "quantity" }));
    }

    [Test]
    public void WithoutIt_TheExporterFails_SoTheDocumentWould()
    {
        var options = new JsonSerializerOptions();
        WireJson.Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);

        Assert.Throws<JsonException>(() => options.GetJsonSchemaAsNode(typeof(Offer)));
    }

    public sealed record Offer(string Name, DateTimeOffset AvailableFrom = default, int Quantity = 3);
}
