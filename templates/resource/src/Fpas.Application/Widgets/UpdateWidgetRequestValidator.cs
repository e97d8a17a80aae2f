using FluentValidation;

namespace Fpas.Application.Widgets;

public sealed class UpdateWidgetRequestValidator : AbstractValidator<UpdateWidgetRequest>
{
    public UpdateWidgetRequestValidator()
    {
        // One message per field: the first rule that fails.
        RuleLevelCascadeMode = CascadeMode.Stop;

        When(x => x.Name.HasValue, () => RuleFor(x => x.Name.Value).ValidWidgetName());
        When(x => x.Description.HasValue, () => RuleFor(x => x.Description.Value).ValidWidgetDescription());
    }
}
