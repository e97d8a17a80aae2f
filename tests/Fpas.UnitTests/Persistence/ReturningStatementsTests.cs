using Fpas.Application.Common.Concurrency;
using Fpas.Domain.Items;
using Fpas.Infrastructure.Persistence;
using Fpas.Infrastructure.Persistence.Configurations;
using Fpas.Infrastructure.Persistence.Paths;
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

        Assert.Multiple(() =>
        {
            Assert.That(select.Sql, Is.EqualTo("SELECT id, created_timestamp, description, is_active, name, xmin FROM item WHERE id = $1"));
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
    public void Update_SetsThePatchsColumns_InTheModelsOrder_InTextBuiltOncePerShape()
    {
        using var context = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));
        var statements = StatementsOf(context);

        var first = statements.Update(7, [new(nameof(Item.Name), "n"), new(nameof(Item.Description), "d")], VersionCondition.OneOf([3u]));
        var second = statements.Update(8, [new(nameof(Item.Description), null), new(nameof(Item.Name), "m")], VersionCondition.OneOf([4u]));

        Assert.Multiple(() =>
        {
            Assert.That(first.Sql, Is.EqualTo("UPDATE item SET description = $1, name = $2 WHERE id = $3 AND xmin IN ($4)"
                + " RETURNING id, created_timestamp, description, is_active, name, xmin"));
            Assert.That(first.Parameters.Select(parameter => parameter.Value), Is.EqualTo(new object?[] { "d", "n", 7L, 3u }));
            Assert.That(second.Sql, Is.SameAs(first.Sql), "the same columns and number of versions reuse the same text");
            Assert.That(second.Parameters.Select(parameter => parameter.Value), Is.EqualTo(new object?[] { null, "m", 8L, 4u }));
        });
    }

    [TestCase(-1, " WHERE id = $2 RETURNING")]
    [TestCase(0, " WHERE id = $2 AND false RETURNING")]
    [TestCase(2, " WHERE id = $2 AND xmin IN ($3, $4) RETURNING")]
    public void Update_ChecksTheCondition_InItsWhere(int versions, string where)
    {
        using var context = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));

        var update = StatementsOf(context).Update(7, [new(nameof(Item.IsActive), false)], Condition(versions));

        Assert.Multiple(() =>
        {
            Assert.That(update.Sql, Does.StartWith("UPDATE item SET is_active = $1" + where));
            Assert.That(update.Parameters, Has.Count.EqualTo(2 + Math.Max(versions, 0)));
        });
    }

    [Test]
    public void Update_RefusesAPropertyItCannotWrite()
    {
        using var context = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));

        Assert.That(() => StatementsOf(context).Update(7, [new(nameof(Item.Version), 1u)], VersionCondition.Unconditional),
            Throws.ArgumentException.With.Message.Contains("'Version' is not a mapped, writable property"));
    }

    [TestCase(-1, "DELETE FROM item WHERE id = $1 RETURNING")]
    [TestCase(0, "DELETE FROM item WHERE id = $1 AND false RETURNING")]
    [TestCase(1, "DELETE FROM item WHERE id = $1 AND xmin IN ($2) RETURNING")]
    public void Delete_ChecksTheCondition_InItsWhere(int versions, string start)
    {
        using var context = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));
        var statements = StatementsOf(context);

        var first = statements.Delete(7, Condition(versions));
        var second = statements.Delete(8, Condition(versions));

        Assert.Multiple(() =>
        {
            Assert.That(first.Sql, Does.StartWith(start));
            Assert.That(second.Sql, Is.SameAs(first.Sql));
            Assert.That(second.Parameters.Select(parameter => parameter.Value).First(), Is.EqualTo(8L));
        });
    }

    [Test]
    public void Texts_AreKeptForABoundedNumberOfShapes()
    {
        using var context = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));
        var statements = StatementsOf(context);
        for (var versions = 1; versions <= ReturningStatements.MaxCachedShapes; versions++)
        {
            statements.Delete(7, Condition(versions));
        }

        var manyVersions = Condition(ReturningStatements.MaxCachedShapes + 1);
        var first = statements.Delete(7, manyVersions);
        var second = statements.Delete(7, manyVersions);

        Assert.Multiple(() =>
        {
            Assert.That(second.Sql, Is.EqualTo(first.Sql));
            Assert.That(second.Sql, Is.Not.SameAs(first.Sql), "past the bound, a text is built for its request only");
        });
    }

    [Test]
    public void Item_TakesTheSingleStatementPath_UntilAQueryFilterSendsItThroughEfCore()
    {
        using var plain = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));
        using var filtered = new FilteredContext();

        Assert.Multiple(() =>
        {
            Assert.That(EntityPathRules.WhyNotSingleStatement(plain.Model.FindEntityType(typeof(Item))!), Is.Null);
            Assert.That(EntityPathRules.WhyNotSingleStatement(filtered.Model.FindEntityType(typeof(Item))!), Is.EqualTo("a query filter"),
                "a plain SELECT, UPDATE or DELETE would not apply the filter");
        });
    }

    /// <summary>-1: any version; else that many versions, 1, 2, ...</summary>
    private static VersionCondition Condition(int versions) => versions < 0
        ? VersionCondition.Exists
        : VersionCondition.OneOf([.. Enumerable.Range(1, versions).Select(version => (uint)version)]);

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
            modelBuilder.Entity<Item>().Property(item => item.Version).IsRowVersion().HasColumnName("xmin");
        }
    }
}
