using Fpas.Domain.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.Infrastructure.Persistence.Configurations;

public sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> builder)
    {
        builder.ToTable("item");

        builder.HasKey(item => item.Id);
        builder.Property(item => item.Id).UseIdentityAlwaysColumn();

        builder.Property(item => item.Name).HasMaxLength(Item.NameMaxLength).IsRequired();
        builder.HasIndex(item => item.Name).IsUnique().HasDatabaseName("item_name_uix")
            .HasDuplicateValueMessage("Item with given name already exists.");

        builder.Property(item => item.Description).HasColumnType("text");

        // The sentinel says which CLR value means "not set": true is left to the column default, false is written.
        builder.Property(item => item.IsActive).HasDefaultValue(true).HasSentinel(true);

        builder.Property(item => item.CreatedTimestamp)
            .HasColumnType("timestamp with time zone")
            .HasDefaultValueSql("now()")
            .ValueGeneratedOnAdd();
    }
}
