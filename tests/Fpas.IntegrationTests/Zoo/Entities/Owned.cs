using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.IntegrationTests.Zoo.Entities;

public sealed class ZooAddress
{
    public string Street { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;
}

/// <summary>An owned type in the owner's table (<c>OwnsOne</c>).</summary>
public sealed class ZooOwned : Entity
{
    public string Name { get; set; } = string.Empty;

    public ZooAddress Address { get; set; } = new();
}

/// <summary>An owned type stored as a JSON document (<c>OwnsOne(...).ToJson()</c>).</summary>
public sealed class ZooOwnedJson : Entity
{
    public string Name { get; set; } = string.Empty;

    public ZooAddress? Address { get; set; }
}

public sealed class ZooOwnedConfiguration : IEntityTypeConfiguration<ZooOwned>, IEntityTypeConfiguration<ZooOwnedJson>
{
    public void Configure(EntityTypeBuilder<ZooOwned> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_owned");
        builder.OwnsOne(entity => entity.Address);
        builder.Navigation(entity => entity.Address).IsRequired();
    }

    public void Configure(EntityTypeBuilder<ZooOwnedJson> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_owned_json");
        builder.OwnsOne(entity => entity.Address, address => address.ToJson());
    }
}
