using FluentValidation;

namespace Fpas.Application.Widgets;

public sealed class CreateWidgetRequestValidator : AbstractValidator<CreateWidgetRequest>
{
    public CreateWidgetRequestValidator()
    {
        // One message per field: the first rule that fails.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(x => x.Name).ValidWidgetName();
        RuleFor(x => x.Description).ValidWidgetDescription();
    }
}
