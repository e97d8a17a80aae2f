using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fpas.Application.Common.Querying;

namespace Fpas.Api.Paging;

/// <summary>
/// The opaque <c>cursor</c> of a <c>next</c> link: the sort values of the page's last row (and the first page's
/// <c>after_id</c>, which stays a condition), with a check value over them and the query's fingerprint, so that a cursor
/// replayed against another query, or changed, is refused. Not a secret: it holds values the client was shown (ADR 18).
/// </summary>
public static class ListCursor
{
    public static string Encode(string fingerprint, IReadOnlyList<OrderKey> order, IReadOnlyList<object> position, long? afterId)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(position);
        var values = new JsonArray([.. position.Select((value, i) => Write(order[i].Field.Kind, value))]);
        var payload = new JsonObject { ["v"] = values, ["a"] = afterId, ["h"] = Check(fingerprint, values, afterId) };
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    /// <summary>The position and <c>after_id</c> in <paramref name="cursor"/>; false when it is not a cursor of this query.</summary>
    public static bool TryDecode(string cursor, string fingerprint, IReadOnlyList<OrderKey> order, out IReadOnlyList<object> position, out long? afterId)
    {
        ArgumentNullException.ThrowIfNull(order);
        position = [];
        afterId = null;
        try
        {
            if (JsonNode.Parse(Base64Url.DecodeFromChars(cursor)) is not JsonObject { } payload
                || payload["v"] is not JsonArray values || values.Count != order.Count
                || payload["h"]?.GetValue<string>() is not { } check)
            {
                return false;
            }

            afterId = payload["a"]?.GetValue<long>();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(check), Encoding.ASCII.GetBytes(Check(fingerprint, values, afterId))))
            {
                return false;
            }

            position = [.. values.Select((value, i) => Read(order[i].Field.Kind, value!))];
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static string Check(string fingerprint, JsonArray values, long? afterId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{fingerprint}\n{values.ToJsonString()}\n{afterId}")).AsSpan(0, 16));

    private static JsonNode Write(FieldKind kind, object value) => kind switch
    {
        FieldKind.DateTime => ((DateTimeOffset)value).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        FieldKind.WholeNumber => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        FieldKind.Boolean => (bool)value,
        _ => (string)value,
    };

    private static object Read(FieldKind kind, JsonNode value) => kind switch
    {
        FieldKind.DateTime => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        FieldKind.WholeNumber => value.GetValue<long>(),
        FieldKind.Boolean => value.GetValue<bool>(),
        _ => value.GetValue<string>(),
    };
}
