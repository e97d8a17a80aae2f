using Fpas.Domain.Widgets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.Infrastructure.Persistence.Configurations;

public sealed class WidgetConfiguration : IEntityTypeConfiguration<Widget>
{
    public void Configure(EntityTypeBuilder<Widget> builder)
    {
        builder.ToTable("widget");

        builder.HasKey(widget => widget.Id);
        builder.Property(widget => widget.Id).UseIdentityAlwaysColumn();

        builder.Property(widget => widget.Name).HasMaxLength(Widget.NameMaxLength).IsRequired();
        builder.HasIndex(widget => widget.Name).IsUnique().HasDatabaseName("widget_name_uix");

        builder.Property(widget => widget.Description).HasColumnType("text");

        // The sentinel says which CLR value means "not set": true is left to the column default, false is written.
        builder.Property(widget => widget.IsActive).HasDefaultValue(true).HasSentinel(true);

        builder.Property(widget => widget.CreatedTimestamp)
            .HasColumnType("timestamp with time zone")
            .HasDefaultValueSql("now()")
            .ValueGeneratedOnAdd();
    }
}
