using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.IntegrationTests.Zoo.Entities;

public sealed record ZooMoney(decimal Amount, string Currency);

/// <summary>Complex properties: required, optional, and one stored as JSON.</summary>
public sealed class ZooComplex : Entity
{
    public string Name { get; set; } = string.Empty;

    public ZooMoney Price { get; set; } = new(0, "EUR");

    public ZooMoney? Discount { get; set; }
}

public sealed class ZooComplexJson : Entity
{
    public string Name { get; set; } = string.Empty;

    public ZooMoney Price { get; set; } = new(0, "EUR");
}

public sealed class ZooComplexConfiguration : IEntityTypeConfiguration<ZooComplex>, IEntityTypeConfiguration<ZooComplexJson>
{
    public void Configure(EntityTypeBuilder<ZooComplex> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_complex");
        builder.ComplexProperty(entity => entity.Price, price => price.Property(money => money.Amount).HasPrecision(18, 2));
        builder.ComplexProperty(entity => entity.Discount, price => price.Property(money => money.Amount).HasPrecision(18, 2));
    }

    public void Configure(EntityTypeBuilder<ZooComplexJson> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_complex_json");
        builder.ComplexProperty(entity => entity.Price, price => price.ToJson());
    }
}
