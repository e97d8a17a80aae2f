#if (audited || softDelete)
using System.ComponentModel;

#endif
namespace Fpas.Application.Items;

/// <summary>An item as clients see it.</summary>
public sealed record ItemResponse(
    long Id,
    string Name,
    string? Description,
    bool IsActive,
#if (audited)
    [property: ReadOnly(true)] DateTimeOffset CreatedAt,
    [property: ReadOnly(true)] string CreatedBy,
    [property: ReadOnly(true)] DateTimeOffset UpdatedAt,
    [property: ReadOnly(true)] string UpdatedBy,
#endif
#if (softDelete)
    [property: ReadOnly(true)] DateTimeOffset? DeletedAt,
    [property: ReadOnly(true)] string? DeletedBy,
#endif
    DateTimeOffset CreatedTimestamp);
