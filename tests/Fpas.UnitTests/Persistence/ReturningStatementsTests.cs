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
    public void Insert_SendsTheSetColumns_InTextBuiltOncePerSetOfColumns()
    {
        using var context = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));
        var statements = StatementsOf(context);

        var first = statements.Insert(new Item { Name = "a", Description = "b" });
        var second = statements.Insert(new Item { Name = "c", Description = null });

        Assert.Multiple(() =>
        {
            Assert.That(first.Sql, Does.StartWith("INSERT INTO item (").And.Contains("name").And.Contains("VALUES ($1, "));
            Assert.That(first.Sql, Does.EndWith(" RETURNING id, created_timestamp, description, is_active, name, xmin"));
            Assert.That(second.Sql, Is.SameAs(first.Sql), "the same columns reuse the same text");
            Assert.That(second.Parameters.Select(parameter => parameter.Value), Does.Contain("c"));
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
