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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
