using Fpas.Domain.Items;
using Fpas.Infrastructure.Persistence;
using Fpas.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fpas.UnitTests.Persistence;

public sealed class ReturningStatementsTests
{
    [Test]
    public void SelectById_ReadsEveryMappedColumn_ByTheKey()
    {
        using var context = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));

        var select = StatementsOf(context).SelectById(42);

        Assert.That(select, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(select!.Sql, Is.EqualTo("SELECT id, created_timestamp, description, is_active, name, xmin FROM item WHERE id = $1"));
            Assert.That(select.Parameters.Select(parameter => parameter.Value), Is.EqualTo(new object[] { 42L }));
        });
    }

    [Test]
    public void SelectById_IsNone_WhenTheEntityTypeHasAQueryFilter()
    {
        using var context = new FilteredContext();

        Assert.That(StatementsOf(context).SelectById(42), Is.Null, "a plain SELECT would not apply the filter");
    }

    private static ReturningStatements StatementsOf(DbContext context) =>
        new(context.Model.FindEntityType(typeof(Item))!, context.GetService<ISqlGenerationHelper>());

    /// <summary>The app's item mapping plus a soft-delete style filter.</summary>
    private sealed class FilteredContext() : DbContext(new DbContextOptionsBuilder<FilteredContext>()
        .UseNpgsql("Host=localhost;Database=unused").UseSnakeCaseNamingConvention().Options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfiguration(new ItemConfiguration());
            modelBuilder.Entity<Item>().HasQueryFilter(item => item.IsActive);
        }
    }
}
