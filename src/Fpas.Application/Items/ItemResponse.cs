namespace Fpas.Application.Items;

/// <summary>An item as clients see it.</summary>
public sealed record ItemResponse(
    long Id,
    string Name,
    string? Description,
    bool IsActive,
    DateTimeOffset CreatedTimestamp);
