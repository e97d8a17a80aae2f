using Microsoft.Extensions.Primitives;

namespace Fpas.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request field (IETF httpapi draft): a structured-field string such as <c>"8e03978e"</c>,
/// or the same characters unquoted as most clients send them; 1 to 255 visible ASCII characters, one field line.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    public const string ReplayedName = "Idempotent-Replayed";

    public const int MaxLength = 255;

    public const string InvalidMessage = "Idempotency-Key must be one value of 1 to 255 visible ASCII characters.";

    public static bool TryParse(StringValues values, out string key)
    {
        key = string.Empty;
        if (values.Count != 1 || values[0] is not { } raw)
        {
            return false;
        }

        var value = raw.AsSpan().Trim(" \t");
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return TryUnquote(value[1..^1], out key);
        }

        if (value.Length is 0 or > MaxLength || value.ContainsAnyExceptInRange('!', '~') || value.Contains('"'))
        {
            return false;
        }

        key = value.ToString();
        return true;
    }

    /// <summary>The content of an sf-string: printable ASCII, with <c>\"</c> and <c>\\</c> as its only escapes.</summary>
    private static bool TryUnquote(ReadOnlySpan<char> content, out string key)
    {
        key = string.Empty;
        var builder = new System.Text.StringBuilder(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c is < ' ' or > '~' || c == '"')
            {
                return false;
            }

            if (c == '\\')
            {
                if (++i == content.Length || content[i] is not ('"' or '\\'))
                {
                    return false;
                }

                c = content[i];
            }

            builder.Append(c);
        }

        if (builder.Length is 0 or > MaxLength)
        {
            return false;
        }

        key = builder.ToString();
        return true;
    }
}
