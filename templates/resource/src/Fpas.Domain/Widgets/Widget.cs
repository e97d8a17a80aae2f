using Fpas.Domain.Common;

namespace Fpas.Domain.Widgets;

public sealed class Widget : Entity
{
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 10_000;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set by the database at insert; read-only for clients.</summary>
    public DateTimeOffset CreatedTimestamp { get; set; }
}
