namespace Fpas.Application.Widgets;

/// <summary>The body of <c>POST /widgets/</c>. <c>Name</c> is nullable only so that a missing name reaches the validator.</summary>
public sealed record CreateWidgetRequest(
    string? Name,
    string? Description = null,
    bool IsActive = true);
