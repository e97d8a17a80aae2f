using FluentValidation;

namespace Fpas.Application.Common.Validation;

/// <summary>Reusable rules for text fields. Lengths count Unicode characters (code points), not UTF-16 units or bytes.</summary>
public static class TextRuleExtensions
{
    public static IRuleBuilderOptions<T, string?> CharacterLength<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.Must(value => value is null || IsCharacterCountBetween(value, min, max))
            .WithMessage($"'{{PropertyName}}' must be between {min} and {max} characters long.");

    public static IRuleBuilderOptions<T, string?> MaximumCharacterLength<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(value => value is null || IsCharacterCountBetween(value, 0, max))
            .WithMessage($"'{{PropertyName}}' must be at most {max} characters long.");

    public static IRuleBuilderOptions<T, string?> NotBlank<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !string.IsNullOrWhiteSpace(value))
            .WithMessage("'{PropertyName}' must not be blank.");

    /// <summary>Rejects U+0000..U+001F and U+007F.</summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Any(c => c <= '\u001F' || c == '\u007F'))
            .WithMessage("'{PropertyName}' must not contain control characters.");

    /// <summary>Rejects U+0000, which PostgreSQL text cannot store.</summary>
    public static IRuleBuilderOptions<T, string?> NoNullCharacter<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !value.Contains('\0', StringComparison.Ordinal))
            .WithMessage("'{PropertyName}' must not contain the U+0000 character.");

    /// <summary>Rejects unpaired surrogates, which cannot be encoded as UTF-8.</summary>
    public static IRuleBuilderOptions<T, string?> WellFormedUnicode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || IsWellFormed(value))
            .WithMessage("'{PropertyName}' must be well-formed Unicode text.");

    private static bool IsCharacterCountBetween(string value, int min, int max)
    {
        // Every code point takes one or two UTF-16 units, so most strings are decided without counting.
        if (value.Length < min || (value.Length + 1) / 2 > max)
        {
            return false;
        }

        var count = 0;
        var runes = value.EnumerateRunes();
        while (runes.MoveNext())
        {
            count++;
        }

        return count >= min && count <= max;
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
