using FluentValidation;
using Fpas.Application.Common.Validation;
using Fpas.Domain.Items;

namespace Fpas.Application.Items;

/// <summary>The field rules of <see cref="Item"/>, shared by the create and update validators.</summary>
public static class ItemRuleExtensions
{
    public static IRuleBuilderOptions<T, string?> ValidItemName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotNull().WithMessage("'{PropertyName}' is required.")
            .NotBlank()
            .CharacterLength(1, Item.NameMaxLength)
            .NoControlCharacters()
            .WellFormedUnicode();

    public static IRuleBuilderOptions<T, string?> ValidItemDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumCharacterLength(Item.DescriptionMaxLength)
            .NoNullCharacter()
            .WellFormedUnicode();
}
