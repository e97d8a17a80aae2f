using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Diagnostics;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Application.Common.Querying;
using Fpas.Domain.Common;
using Fpas.Infrastructure.Persistence.Paths;
using Fpas.Infrastructure.Persistence.Querying;
using Microsoft.EntityFrameworkCore;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// The one repository implementation, for every entity type: reads by id and writes go the path chosen for the
/// entity type at start-up (<see cref="EntityPaths"/>, ADR 10); pages are EF Core queries on both paths.
/// </summary>
internal sealed class EfRepository<TEntity> : IRepository<TEntity>
    where TEntity : Entity
{
    // Ids start at 1, so "after 0" is the first page: one query shape serves keyset and offset paging.
    private static readonly Func<AppDbContext, long, int, int, IAsyncEnumerable<TEntity>> ReadPage =
        EF.CompileAsyncQuery((AppDbContext db, long afterId, int offset, int limit) =>
            db.Set<TEntity>().AsNoTracking()
                .Where(entity => entity.Id > afterId)
                .OrderBy(entity => entity.Id)
                .Skip(offset)
                .Take(limit));

    private static readonly string EntityName = typeof(TEntity).Name;

    private readonly AppDbContext _context;
    private readonly ApplicationMetrics _metrics;
    private readonly IWritePath<TEntity> _path;

    public EfRepository(AppDbContext context, EntityPaths paths, ApplicationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _context = context;
        _metrics = metrics;
        _path = paths.StatementsFor(typeof(TEntity)) is { } statements
            ? new SingleStatementPath<TEntity>(context, statements)
            : new ChangeTrackerPath<TEntity>(context, paths.VersionAnchorFor(typeof(TEntity)));
    }

    public async Task<TEntity?> GetByIdAsync(long id, CancellationToken cancellationToken)
    {
        var entity = await _path.ReadAsync(id, cancellationToken);
        _metrics.Record(EntityName, EntityOperation.Read, entity is null ? EntityOutcome.NotFound : EntityOutcome.Success);
        return entity;
    }

    public Task<IReadOnlyList<TEntity>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return DatabaseErrors.TranslateAsync<TEntity, IReadOnlyList<TEntity>>(_context, async () =>
        {
            var items = new List<TEntity>(page.Limit);
            await foreach (var entity in ReadPage(_context, page.AfterId ?? 0, page.Offset, page.Limit).WithCancellation(cancellationToken))
            {
                items.Add(entity);
            }

            return items;
        });
    }

    public Task<IReadOnlyList<TEntity>> QueryAsync(ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsPlain)
        {
            return ListAsync(new PageRequest(query.Limit, query.Offset, query.AfterId), cancellationToken);
        }

        return DatabaseErrors.TranslateAsync<TEntity, IReadOnlyList<TEntity>>(_context, async () =>
            await ListQueryTranslation.Apply(_context.Set<TEntity>().AsNoTracking(), query).ToListAsync(cancellationToken));
    }

    public async Task<TEntity> AddAsync(TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        try
        {
            var stored = await _path.InsertAsync(entity, cancellationToken);
            _metrics.Record(EntityName, EntityOperation.Create, EntityOutcome.Success);
            return stored;
        }
        catch (Exception exception) when (_metrics.RecordFailure(EntityName, EntityOperation.Create, exception))
        {
            throw;
        }
    }

    public async Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(condition);
        try
        {
            var updated = await _path.UpdateAsync(id, patch, condition, cancellationToken);
            _metrics.Record(EntityName, EntityOperation.Update, updated is null ? EntityOutcome.NotFound : EntityOutcome.Success);
            return updated;
        }
        catch (Exception exception) when (_metrics.RecordFailure(EntityName, EntityOperation.Update, exception))
        {
            throw;
        }
    }

    public async Task<TEntity?> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        try
        {
            var deleted = await _path.DeleteAsync(id, condition, cancellationToken);
            _metrics.Record(EntityName, EntityOperation.Delete, deleted is null ? EntityOutcome.NotFound : EntityOutcome.Success);
            return deleted;
        }
        catch (Exception exception) when (_metrics.RecordFailure(EntityName, EntityOperation.Delete, exception))
        {
            throw;
        }
    }
}
