using FluentValidation;

namespace Fpas.Application.Items;

public sealed class CreateItemRequestValidator : AbstractValidator<CreateItemRequest>
{
    public CreateItemRequestValidator()
    {
        // One message per field: the first rule that fails.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(x => x.Name).ValidItemName();
        RuleFor(x => x.Description).ValidItemDescription();
    }
}
