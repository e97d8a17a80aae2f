using FluentValidation;

namespace Fpas.Application.Items;

public sealed class UpdateItemRequestValidator : AbstractValidator<UpdateItemRequest>
{
    public UpdateItemRequestValidator()
    {
        // One message per field: the first rule that fails.
        RuleLevelCascadeMode = CascadeMode.Stop;

        When(x => x.Name.HasValue, () => RuleFor(x => x.Name.Value).ValidItemName());
        When(x => x.Description.HasValue, () => RuleFor(x => x.Description.Value).ValidItemDescription());
    }
}
