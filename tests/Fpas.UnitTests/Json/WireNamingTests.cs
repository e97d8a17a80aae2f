using System.Text.Json;
using Fpas.Api.Json;
using Fpas.Application.Common.Serialization;
using Fpas.Application.Common.Validation;
using Fpas.Application.Items;

namespace Fpas.UnitTests.Json;

/// <summary>Snake_case is defined once: the serializer and the validation error keys use the same policy.</summary>
public sealed class WireNamingTests
{
    [Test]
    public void TheSerializer_UsesTheWireNamingPolicy()
    {
        var options = new JsonSerializerOptions();
        WireJson.Apply(options);

        Assert.That(options.PropertyNamingPolicy, Is.SameAs(WireNaming.Policy));
    }

    [Test]
    public void ValidationKeys_AreWhatTheSerializerWrites()
    {
        var options = new JsonSerializerOptions();
        WireJson.Apply(options);
        var member = typeof(ItemResponse).GetProperty(nameof(ItemResponse.CreatedTimestamp))!;

        var key = WireNameResolver.Resolve(typeof(ItemResponse), member, null);
        var written = JsonSerializer.SerializeToElement(new ItemResponse(1, "n", null, true, DateTimeOffset.UnixEpoch), options);

        Assert.That(written.TryGetProperty(key!, out _), Is.True, key);
    }
}
