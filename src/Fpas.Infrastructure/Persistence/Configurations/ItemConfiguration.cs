using Fpas.Domain.Items;
using Fpas.Infrastructure.Persistence.Querying;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

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

        // The indexes of ItemListFields: one per sort key (ending in the id, as every order does), a trigram index for
        // name__contains, and for q a stored text-search vector of the searched properties with its GIN index (ADR 18).
        builder.HasIndex(item => new { item.Name, item.Id }).HasDatabaseName("item_name_id_ix");
        builder.HasIndex(item => new { item.CreatedTimestamp, item.Id }).HasDatabaseName("item_created_timestamp_id_ix");
        builder.HasIndex(item => item.Name, "item_name_trgm_ix").HasDatabaseName("item_name_trgm_ix")
            .HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Property<NpgsqlTsVector>(ListQueryTranslation.SearchVector)
            .HasComputedColumnSql("to_tsvector('english', name || ' ' || coalesce(description, ''))", stored: true);
        builder.HasIndex(ListQueryTranslation.SearchVector).HasDatabaseName("item_search_ix").HasMethod("gin");
    }
}
