namespace Fpas.Application.Items;

/// <summary>The body of <c>POST /items/</c>. <c>Name</c> is nullable only so that a missing name reaches the validator.</summary>
public sealed record CreateItemRequest(
    string? Name,
    string? Description = null,
    bool IsActive = true);
