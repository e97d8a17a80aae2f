using System.Text.Json.Serialization;

namespace Baseline;

/// <summary>System.Text.Json source generation for every type the baseline reads or writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BaselineItem))]
[JsonSerializable(typeof(BaselineItemBody))]
[JsonSerializable(typeof(List<BaselineItem>))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
