using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.IntegrationTests.Zoo.Entities;

/// <summary>TPH with a CLR discriminator (<see cref="Kind"/>) under an abstract base.</summary>
public abstract class ZooAnimal : Entity
{
    public string Name { get; set; } = string.Empty;

    public string? Kind { get; set; }
}

public sealed class ZooDog : ZooAnimal
{
    public bool GoodBoy { get; set; }
}

public sealed class ZooCat : ZooAnimal
{
    public int Lives { get; set; }
}

/// <summary>TPH with a shadow discriminator.</summary>
public class ZooVehicle : Entity
{
    public string Name { get; set; } = string.Empty;
}

public sealed class ZooCar : ZooVehicle
{
    public int Doors { get; set; }
}

/// <summary>TPT: the base's columns in one table, the derived type's in another.</summary>
public class ZooDocument : Entity
{
    public string Title { get; set; } = string.Empty;
}

public sealed class ZooInvoice : ZooDocument
{
    public decimal Total { get; set; }
}

public sealed class ZooInheritanceConfiguration
    : IEntityTypeConfiguration<ZooAnimal>, IEntityTypeConfiguration<ZooVehicle>, IEntityTypeConfiguration<ZooDocument>, IEntityTypeConfiguration<ZooInvoice>
{
    public void Configure(EntityTypeBuilder<ZooAnimal> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_animal");
        builder.HasDiscriminator(animal => animal.Kind).HasValue<ZooDog>("dog").HasValue<ZooCat>("cat");
    }

    public void Configure(EntityTypeBuilder<ZooVehicle> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_vehicle");
        builder.HasDiscriminator<string>("vehicle_type").HasValue<ZooVehicle>("vehicle").HasValue<ZooCar>("car");
    }

    public void Configure(EntityTypeBuilder<ZooDocument> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseTptMappingStrategy().ToTable("zoo_document");
    }

    public void Configure(EntityTypeBuilder<ZooInvoice> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_invoice");
        builder.Property(invoice => invoice.Total).HasPrecision(18, 2);
    }
}
