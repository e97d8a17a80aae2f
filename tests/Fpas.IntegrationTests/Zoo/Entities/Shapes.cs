using System.ComponentModel.DataAnnotations;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.IntegrationTests.Zoo.Entities;

/// <summary>A shadow property (<c>origin</c>) the CLR type does not have, filled by its column default.</summary>
public sealed class ZooShadow : Entity
{
    public string Name { get; set; } = string.Empty;
}

/// <summary>A second concurrency token next to the version.</summary>
public sealed class ZooStock : Entity
{
    public int Quantity { get; set; }

    [ConcurrencyCheck]
    public int Revision { get; set; }
}

/// <summary>Soft delete through a named query filter.</summary>
public sealed class ZooSoftDeleted : Entity
{
    public string Name { get; set; } = string.Empty;

    public bool IsDeleted { get; set; }
}

/// <summary>A private parameterless constructor next to a public one with parameters.</summary>
public sealed class ZooSealedBox : Entity
{
    public ZooSealedBox(string label) => Label = label;

    private ZooSealedBox()
    {
    }

    public string Label { get; set; } = string.Empty;
}

/// <summary>A read-only property over a backing field EF writes.</summary>
public sealed class ZooVault : Entity
{
    private string _secret = string.Empty;

    public ZooVault()
    {
    }

    public ZooVault(string secret) => _secret = secret;

    public string Secret => _secret;

    public void Rotate(string secret) => _secret = secret;
}

public enum ZooColor
{
    Red,
    Green,
}

public sealed record ZooSku(string Value);

/// <summary>Value converters: an enum as text and a record as its string.</summary>
public sealed class ZooConverted : Entity
{
    public ZooColor Color { get; set; }

    public ZooSku Sku { get; set; } = new(string.Empty);
}

/// <summary>Primitive collections as PostgreSQL arrays.</summary>
public sealed class ZooPrimitive : Entity
{
    public List<string> Tags { get; set; } = [];

    public int[] Scores { get; set; } = [];
}

public sealed class ZooShapesConfiguration
    : IEntityTypeConfiguration<ZooShadow>, IEntityTypeConfiguration<ZooStock>, IEntityTypeConfiguration<ZooSoftDeleted>,
      IEntityTypeConfiguration<ZooSealedBox>, IEntityTypeConfiguration<ZooVault>, IEntityTypeConfiguration<ZooConverted>,
      IEntityTypeConfiguration<ZooPrimitive>
{
    public const string SoftDeleteFilter = "SoftDelete";

    public void Configure(EntityTypeBuilder<ZooShadow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_shadow");
        builder.Property<string>("Origin").HasDefaultValue("zoo");
    }

    public void Configure(EntityTypeBuilder<ZooStock> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_stock");
    }

    public void Configure(EntityTypeBuilder<ZooSoftDeleted> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_soft_deleted");
        builder.HasQueryFilter(SoftDeleteFilter, entity => !entity.IsDeleted);
    }

    public void Configure(EntityTypeBuilder<ZooSealedBox> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_sealed_box");
    }

    public void Configure(EntityTypeBuilder<ZooVault> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_vault");
        builder.Property(vault => vault.Secret).HasField("_secret");
    }

    public void Configure(EntityTypeBuilder<ZooConverted> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_converted");
        builder.Property(entity => entity.Color).HasConversion<string>();
        builder.Property(entity => entity.Sku).HasConversion(sku => sku.Value, value => new ZooSku(value));
    }

    public void Configure(EntityTypeBuilder<ZooPrimitive> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_primitive");
    }
}
