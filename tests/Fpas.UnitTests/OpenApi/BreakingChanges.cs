using System.Text.Json.Nodes;

namespace Fpas.UnitTests.OpenApi;

/// <summary>
/// What a newer OpenAPI document breaks for clients of an older one, within one version: a removed path, operation,
/// status code, response property or enum value; a narrowed type; a new required request property or parameter.
/// Additions pass. Reads the JSON of OpenAPI 3.1 documents, following <c>#/components/schemas</c> references.
/// </summary>
public static class BreakingChanges
{
    private const int MaxDepth = 32;

    public static IReadOnlyList<string> Between(JsonObject before, JsonObject after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var found = new List<string>();
        var context = new Documents(before, after, found);
        foreach (var (path, oldItem) in Object(before["paths"]))
        {
            if (Object(after["paths"])[path] is not JsonObject newItem)
            {
                found.Add($"removed path {path}");
                continue;
            }

            foreach (var (method, oldOperation) in Object(oldItem))
            {
                if (newItem[method] is not JsonObject newOperation)
                {
                    found.Add($"removed operation {method.ToUpperInvariant()} {path}");
                    continue;
                }

                context.Operation($"{method.ToUpperInvariant()} {path}", Object(oldOperation), newOperation);
            }
        }

        return [.. found.Distinct(StringComparer.Ordinal)]; // one line per break, not per media type that repeats it
    }

    private static JsonObject Object(JsonNode? node) => node as JsonObject ?? [];

    private static HashSet<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(item => item?.ToJsonString() ?? "null")],
        JsonValue value => [value.ToJsonString()],
        _ => [],
    };

    private sealed class Documents(JsonObject before, JsonObject after, List<string> found)
    {
        public void Operation(string where, JsonObject oldOperation, JsonObject newOperation)
        {
            var oldParameters = oldOperation["parameters"] as JsonArray ?? [];
            foreach (var parameter in (newOperation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var name = $"{parameter["in"]}:{parameter["name"]}";
                var old = oldParameters.OfType<JsonObject>().FirstOrDefault(candidate => $"{candidate["in"]}:{candidate["name"]}" == name);
                if (parameter["required"]?.GetValue<bool>() == true && old?["required"]?.GetValue<bool>() != true)
                {
                    found.Add($"{where}: new required parameter {parameter["name"]}");
                }

                if (old is not null)
                {
                    Schema($"{where} parameter {parameter["name"]}", old["schema"], parameter["schema"], request: true, depth: 0);
                }
            }

            foreach (var (media, oldMedia) in Object(Object(oldOperation["requestBody"])["content"]))
            {
                if (Object(Object(newOperation["requestBody"])["content"])[media] is JsonObject newMedia)
                {
                    Schema($"{where} request body", Object(oldMedia)["schema"], newMedia["schema"], request: true, depth: 0);
                }
            }

            foreach (var (status, oldResponse) in Object(oldOperation["responses"]))
            {
                if (Object(newOperation["responses"])[status] is not JsonObject newResponse)
                {
                    found.Add($"{where}: removed status code {status}");
                    continue;
                }

                foreach (var (media, oldMedia) in Object(Object(oldResponse)["content"]))
                {
                    if (Object(newResponse["content"])[media] is JsonObject newMedia)
                    {
                        Schema($"{where} {status} response", Object(oldMedia)["schema"], newMedia["schema"], request: false, depth: 0);
                    }
                }
            }
        }

        private void Schema(string where, JsonNode? oldNode, JsonNode? newNode, bool request, int depth)
        {
            var old = Resolve(oldNode, before);
            var current = Resolve(newNode, after);
            if (old is null || current is null || depth > MaxDepth)
            {
                return;
            }

            var oldTypes = Strings(old["type"]);
            var newTypes = Strings(current["type"]);
            if (oldTypes.Count > 0 && newTypes.Count > 0 && !oldTypes.IsSubsetOf(newTypes))
            {
                found.Add($"{where}: type narrowed from {string.Join('|', oldTypes.Order())} to {string.Join('|', newTypes.Order())}");
            }

            var oldEnum = Strings(old["enum"]);
            var newEnum = Strings(current["enum"]);
            if (oldEnum.Count > 0 && newEnum.Count > 0)
            {
                foreach (var value in oldEnum.Except(newEnum))
                {
                    found.Add($"{where}: removed enum value {value}");
                }
            }

            var oldProperties = Object(old["properties"]);
            var newProperties = Object(current["properties"]);
            foreach (var (name, oldProperty) in oldProperties)
            {
                if (newProperties[name] is { } newProperty)
                {
                    Schema($"{where}.{name}", oldProperty, newProperty, request, depth + 1);
                }
                else if (!request)
                {
                    found.Add($"{where}: removed property {name}");
                }
            }

            if (request)
            {
                foreach (var name in Strings(current["required"]).Except(Strings(old["required"])))
                {
                    found.Add($"{where}: new required property {name.Trim('"')}");
                }
            }

            if (old["items"] is { } oldItems && current["items"] is { } newItems)
            {
                Schema($"{where}[]", oldItems, newItems, request, depth + 1);
            }
        }

        /// <summary>The schema itself, or the component a <c>$ref</c> names, in <paramref name="document"/>.</summary>
        private static JsonObject? Resolve(JsonNode? node, JsonObject document)
        {
            for (var hops = 0; node is JsonObject schema && hops < MaxDepth; hops++)
            {
                if (schema["$ref"]?.GetValue<string>() is not { } reference)
                {
                    return schema;
                }

                const string Prefix = "#/components/schemas/";
                node = reference.StartsWith(Prefix, StringComparison.Ordinal)
                    ? Object(Object(document["components"])["schemas"])[reference[Prefix.Length..]]
                    : null;
            }

            return null;
        }
    }
}
