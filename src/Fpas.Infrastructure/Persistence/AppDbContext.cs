using Fpas.Domain.Common;
using Fpas.Infrastructure.Persistence.SoftDelete;
using Microsoft.EntityFrameworkCore;

namespace Fpas.Infrastructure.Persistence;

/// <summary>The unit of work over PostgreSQL. Entities are configured by the classes in <c>Configurations/</c>.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    /// <summary>Options for a context outside the app's pool (migrations, design time, tests): the app's naming rules.</summary>
    public static DbContextOptions<AppDbContext> CreateOptions(string connectionString) =>
        new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .Options;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trigram indexes serve the lists' __contains filters (ADR 18).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Soft-deletable entities: a named query filter and partial unique indexes (ADR 19).
        SoftDeleteModel.Apply(modelBuilder);

        // Every entity's version is PostgreSQL's xmin: changed by the server on every write, no column to keep (ADR 14).
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(type => type.ClrType.IsAssignableTo(typeof(Entity))))
        {
            modelBuilder.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsRowVersion().HasColumnName("xmin");
        }
    }
}
