using FluentValidation;

namespace Fpas.Application.Items;

public sealed class UpdateItemRequestValidator : AbstractValidator<UpdateItemRequest>
{
    public UpdateItemRequestValidator()
    {
        // One message per field: the first rule that fails.
        RuleLevelCascadeMode = CascadeMode.Stop;

        // Conditions on the rules, not When(condition, rules): the shared form keeps a per-call cache of its results.
        RuleFor(x => x.Name.Value).ValidItemName().When(x => x.Name.HasValue);
        RuleFor(x => x.Description.Value).ValidItemDescription().When(x => x.Description.HasValue);
    }
}
