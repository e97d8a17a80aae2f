using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.IntegrationTests.Zoo.Entities;

/// <summary>Audited only: flat, so it takes the single-statement path unless EF's is forced.</summary>
public sealed class ZooAudited : Entity, IAudited
{
    public string Name { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}

/// <summary>Audited and soft-deletable, with a unique name and a team's own filter (a tenant) next to soft delete's.</summary>
public sealed class ZooArchived : Entity, IAudited, ISoftDeletable
{
    public string Name { get; set; } = string.Empty;

    public string Tenant { get; set; } = ZooAuditedConfiguration.VisibleTenant;

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}

public sealed class ZooAuditedConfiguration : IEntityTypeConfiguration<ZooAudited>, IEntityTypeConfiguration<ZooArchived>
{
    public const string VisibleTenant = "acme";

    public void Configure(EntityTypeBuilder<ZooAudited> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_audited");
    }

    public void Configure(EntityTypeBuilder<ZooArchived> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_archived");
        builder.HasIndex(entity => entity.Name).IsUnique().HasDatabaseName("zoo_archived_name_uix");
        builder.HasQueryFilter("Tenant", entity => entity.Tenant == VisibleTenant);
    }
}
