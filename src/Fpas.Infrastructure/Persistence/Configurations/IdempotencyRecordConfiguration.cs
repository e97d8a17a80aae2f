using Fpas.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.Infrastructure.Persistence.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    /// <summary>The longest key a client may send (the same limit the HTTP layer checks).</summary>
    public const int KeyMaxLength = 255;

    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_key");

        builder.HasKey(record => new { record.Scope, record.Key });
        builder.Property(record => record.Key).HasMaxLength(KeyMaxLength);
        builder.Property(record => record.Fingerprint).IsRequired();
        builder.Property(record => record.Body).IsRequired();
        builder.Property(record => record.ETag).HasColumnName("etag");

        // The clean-up deletes by expiry, oldest first, in batches.
        builder.HasIndex(record => record.ExpiresAt).HasDatabaseName("idempotency_key_expires_at_ix");
    }
}
