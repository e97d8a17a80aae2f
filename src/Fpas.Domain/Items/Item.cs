using Fpas.Domain.Common;

namespace Fpas.Domain.Items;

#if (audited && softDelete)
public sealed class Item : Entity, IAudited, ISoftDeletable
#elif (audited)
public sealed class Item : Entity, IAudited
#elif (softDelete)
public sealed class Item : Entity, ISoftDeletable
#else
public sealed class Item : Entity
#endif
{
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 10_000;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set by the database at insert; read-only for clients.</summary>
    public DateTimeOffset CreatedTimestamp { get; set; }
#if (audited)

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
#endif
#if (softDelete)

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
#endif
}
