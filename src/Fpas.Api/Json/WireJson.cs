using System.Text.Json;
using System.Text.Json.Serialization;
using Fpas.Application.Common.Serialization;

namespace Fpas.Api.Json;

/// <summary>The JSON rules of the wire contract, applied to MVC and to everything else that writes JSON.</summary>
public static class WireJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = WireNaming.Policy;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new OptionalJsonConverterFactory());
        options.Converters.Add(new UtcDateTimeOffsetJsonConverter());
    }
}
