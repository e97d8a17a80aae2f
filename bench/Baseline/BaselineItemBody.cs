namespace Baseline;

public sealed record BaselineItemBody(string? Name, string? Description = null, bool IsActive = true);
