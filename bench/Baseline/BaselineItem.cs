namespace Baseline;

public sealed record BaselineItem(long Id, string Name, string? Description, bool IsActive, DateTimeOffset CreatedTimestamp);
