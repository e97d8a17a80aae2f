using System.Globalization;
using Fpas.Application.Common.Concurrency;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Fpas.Api.Concurrency;

/// <summary>
/// Entity tags (RFC 9110 section 8.8.3) of versioned entities: a strong tag, the version in quotes. Parses
/// <c>If-Match</c> into a <see cref="VersionCondition"/> (strong comparison) and evaluates <c>If-None-Match</c> (weak comparison).
/// </summary>
public static class EntityTags
{
    public static string Format(uint version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>
    /// <c>*</c> is "exists"; a list is "one of these versions". Weak tags, tags this service never issued and a field
    /// that does not parse match no version, so the write answers 412 rather than going through unconditionally.
    /// </summary>
    public static VersionCondition ParseIfMatch(StringValues values)
    {
        if (!EntityTagHeaderValue.TryParseStrictList(values, out var tags))
        {
            return VersionCondition.OneOf([]);
        }

        if (tags.Any(tag => tag.Tag == EntityTagHeaderValue.Any.Tag))
        {
            return VersionCondition.Exists;
        }

        var versions = new List<uint>(tags.Count);
        foreach (var tag in tags)
        {
            if (!tag.IsWeak && TryGetVersion(tag, out var version))
            {
                versions.Add(version);
            }
        }

        return VersionCondition.OneOf(versions);
    }

    /// <summary>True when <c>If-None-Match</c> names <paramref name="version"/> (weak comparison) or is <c>*</c>.</summary>
    public static bool MatchesIfNoneMatch(StringValues values, uint version)
    {
        if (StringValues.IsNullOrEmpty(values) || !EntityTagHeaderValue.TryParseStrictList(values, out var tags))
        {
            return false;
        }

        return tags.Any(tag => tag.Tag == EntityTagHeaderValue.Any.Tag || (TryGetVersion(tag, out var tagged) && tagged == version));
    }

    private static bool TryGetVersion(EntityTagHeaderValue tag, out uint version)
    {
        var opaque = tag.Tag.AsSpan();
        version = 0;
        return opaque.Length > 2
            && char.IsAsciiDigit(opaque[1])
            && uint.TryParse(opaque[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
