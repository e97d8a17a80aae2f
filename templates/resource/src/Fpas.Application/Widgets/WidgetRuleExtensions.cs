using FluentValidation;
using Fpas.Application.Common.Validation;
using Fpas.Domain.Widgets;

namespace Fpas.Application.Widgets;

/// <summary>The field rules of <see cref="Widget"/>, shared by the create and update validators.</summary>
public static class WidgetRuleExtensions
{
    public static IRuleBuilderOptions<T, string?> ValidWidgetName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotNull().WithMessage("'{PropertyName}' is required.")
            .NotBlank()
            .CharacterLength(1, Widget.NameMaxLength)
            .NoControlCharacters()
            .WellFormedUnicode();

    public static IRuleBuilderOptions<T, string?> ValidWidgetDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumCharacterLength(Widget.DescriptionMaxLength)
            .NoNullCharacter()
            .WellFormedUnicode();
}
