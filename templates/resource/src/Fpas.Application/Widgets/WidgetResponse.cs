namespace Fpas.Application.Widgets;

/// <summary>An widget as clients see it.</summary>
public sealed record WidgetResponse(
    long Id,
    string Name,
    string? Description,
    bool IsActive,
    DateTimeOffset CreatedTimestamp);
