using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>
/// Runs one entity type through every repository operation and compares, after each, the rows in PostgreSQL with
/// what a plain <c>DbContext.SaveChanges</c> of the same entity stores, and the entity read back, field by field, with
/// the one EF Core kept: a dropped or defaulted value fails.
/// </summary>
public sealed class ZooCaseOf<TEntity>(string name, Func<TEntity> sample, Func<EntityPatch<TEntity>> change, bool singleStatementEligible) : ZooCase
    where TEntity : Entity
{
    public override string Name => name;

    public override bool SingleStatementEligible => singleStatementEligible;

    public override async Task RunAsync(ZooHarness harness, bool singleStatementPath)
    {
        ArgumentNullException.ThrowIfNull(harness);
        Assert.That(harness.TakesSingleStatementPath<TEntity>(), Is.EqualTo(singleStatementPath), "the path chosen at start-up");

        // Create: the repository's row and entity against a plain SaveChanges of the same sample.
        var reference = sample();
        var referenceContext = harness.Context();
        referenceContext.Add(reference);
        await referenceContext.SaveChangesAsync();
        var created = await harness.Repository<TEntity>().AddAsync(sample(), CancellationToken.None);
        await AssertSameAsync(harness, created, reference, "create");

        // Read by id and in a page.
        var read = await harness.Repository<TEntity>().GetByIdAsync(created.Id, CancellationToken.None);
        var listed = (await harness.Repository<TEntity>().ListAsync(new(1000), CancellationToken.None)).Single(entity => entity.Id == created.Id);
        Assert.Multiple(() =>
        {
            Assert.That(ZooHarness.State(read), Is.EqualTo(ZooHarness.State(reference)), "read by id");
            Assert.That(ZooHarness.State(listed), Is.EqualTo(ZooHarness.State(reference)), "read in a page");
            Assert.That(read!.Version, Is.EqualTo(created.Version), "the version read is the version written");
        });

        // Partial update, conditional on the version just read.
        var updated = await harness.Repository<TEntity>().UpdateAsync(created.Id, change(), VersionCondition.OneOf([created.Version]), CancellationToken.None);
        var referenceUpdated = await ReferenceUpdateAsync(harness, reference.Id);
        Assert.That(updated, Is.Not.Null);
        Assert.That(updated!.Version, Is.Not.EqualTo(created.Version), "an update is a new version");
        await AssertSameAsync(harness, updated, referenceUpdated, "update");
        Assert.That(ZooHarness.State(await harness.Repository<TEntity>().GetByIdAsync(created.Id, CancellationToken.None)),
            Is.EqualTo(ZooHarness.State(referenceUpdated)), "read after update");

        // A stale version writes nothing: 412 with the current version.
        var stale = Assert.ThrowsAsync<PreconditionFailedException>(() =>
            harness.Repository<TEntity>().UpdateAsync(created.Id, change(), VersionCondition.OneOf([created.Version]), CancellationToken.None));
        Assert.That(stale!.CurrentVersion, Is.EqualTo(updated.Version));
        var staleDelete = Assert.ThrowsAsync<PreconditionFailedException>(() =>
            harness.Repository<TEntity>().DeleteAsync(created.Id, VersionCondition.OneOf([created.Version]), CancellationToken.None));
        Assert.That(staleDelete!.CurrentVersion, Is.EqualTo(updated.Version));

        // Delete: returns the entity as it was; then it is gone, as a plain Remove leaves it.
        var deleted = await harness.Repository<TEntity>().DeleteAsync(created.Id, VersionCondition.OneOf([updated.Version]), CancellationToken.None);
        var referenceContextForDelete = harness.Context();
        referenceContextForDelete.Remove(await referenceContextForDelete.Set<TEntity>().SingleAsync(entity => entity.Id == reference.Id));
        await referenceContextForDelete.SaveChangesAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(ZooHarness.State(deleted), Is.EqualTo(ZooHarness.State(referenceUpdated)), "delete returns the entity");
            Assert.That(await harness.Repository<TEntity>().GetByIdAsync(created.Id, CancellationToken.None), Is.Null, "read after delete");
            Assert.That(await harness.RowsAsync<TEntity>(created.Id), Is.EqualTo(await harness.RowsAsync<TEntity>(reference.Id)), "rows after delete");
            Assert.That(await harness.Repository<TEntity>().DeleteAsync(created.Id, VersionCondition.Exists, CancellationToken.None), Is.Null, "delete again");
            Assert.That(await harness.Repository<TEntity>().UpdateAsync(created.Id, change(), VersionCondition.Exists, CancellationToken.None), Is.Null, "update after delete");
        });

        // The idempotent insert's shape: an insert inside the caller's transaction is undone with it.
        var (repository, context) = harness.RepositoryWithContext<TEntity>();
        long rolledBack;
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            rolledBack = (await repository.AddAsync(sample(), CancellationToken.None)).Id;
            await transaction.RollbackAsync();
        }

        Assert.That(await harness.Repository<TEntity>().GetByIdAsync(rolledBack, CancellationToken.None), Is.Null, "insert rolled back with its transaction");
    }

    /// <summary>The same change through a plain tracked load and <c>SaveChanges</c>.</summary>
    private async Task<TEntity> ReferenceUpdateAsync(ZooHarness harness, long id)
    {
        var context = harness.Context();
        var entity = await context.Set<TEntity>().SingleAsync(candidate => candidate.Id == id);
        foreach (var (property, value) in change().Values)
        {
            context.Entry(entity).Member(property).CurrentValue = value;
        }

        await context.SaveChangesAsync();
        return entity;
    }

    private static async Task AssertSameAsync(ZooHarness harness, TEntity written, TEntity reference, string operation)
    {
        var rows = await harness.RowsAsync<TEntity>(written.Id);
        var referenceRows = await harness.RowsAsync<TEntity>(reference.Id);
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(referenceRows), $"rows after {operation}");
            Assert.That(rows, Does.Not.Contain("[]"), $"a row in every table after {operation}");
            Assert.That(ZooHarness.State(written), Is.EqualTo(ZooHarness.State(reference)), $"entity returned by {operation}");
        });
    }
}
