using System.Collections.Concurrent;
using System.Data.Common;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fpas.IntegrationTests.Zoo.Entities;

/// <summary>Stamped by <see cref="ZooStampInterceptor"/> on every insert and update.</summary>
public sealed class ZooStamped : Entity
{
    public string Name { get; set; } = string.Empty;

    public string? Stamp { get; set; }
}

/// <summary>Its commands are seen by <see cref="ZooCommandInterceptor"/>.</summary>
public sealed class ZooCommanded : Entity
{
    public string Name { get; set; } = string.Empty;
}

/// <summary>A <c>SaveChanges</c> interceptor, as teams write for audit columns.</summary>
public sealed class ZooStampInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        foreach (var entry in eventData.Context!.ChangeTracker.Entries<ZooStamped>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Stamp = $"stamped on {entry.State}";
            }
        }

        return ValueTask.FromResult(result);
    }
}

/// <summary>A command interceptor that notes the statements it sees on <c>zoo_commanded</c>.</summary>
public sealed class ZooCommandInterceptor : DbCommandInterceptor
{
    public ConcurrentQueue<string> Seen { get; } = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    private void Note(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.CommandText.Contains("zoo_commanded", StringComparison.Ordinal))
        {
            Seen.Enqueue(command.CommandText.TrimStart().Split(' ')[0]);
        }
    }
}

public sealed class ZooInterceptedConfiguration : IEntityTypeConfiguration<ZooStamped>, IEntityTypeConfiguration<ZooCommanded>
{
    public void Configure(EntityTypeBuilder<ZooStamped> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_stamped");
    }

    public void Configure(EntityTypeBuilder<ZooCommanded> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("zoo_commanded");
    }
}
