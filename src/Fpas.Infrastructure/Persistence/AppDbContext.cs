using Microsoft.EntityFrameworkCore;

namespace Fpas.Infrastructure.Persistence;

/// <summary>The unit of work over PostgreSQL. Entities are configured by the classes in <c>Configurations/</c>.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
