using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.IntegrationTests.Zoo.Entities;

/// <summary>Entity splitting: <see cref="Phone"/> and <see cref="Notes"/> live in a second table.</summary>
public sealed class ZooCustomer : Entity
{
    public string Name { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string? Notes { get; set; }
}

public sealed class ZooCustomerConfiguration : IEntityTypeConfiguration<ZooCustomer>
{
    public void Configure(EntityTypeBuilder<ZooCustomer> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_customer").SplitToTable("zoo_customer_detail", table =>
        {
            table.Property(customer => customer.Phone);
            table.Property(customer => customer.Notes);
        });
    }
}
