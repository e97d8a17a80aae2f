using Fpas.Application.Common.Auditing;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Diagnostics;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Application.Common.Querying;
using Fpas.Domain.Common;
using Fpas.Infrastructure.Persistence.Paths;
using Fpas.Infrastructure.Persistence.Querying;
using Fpas.Infrastructure.Persistence.SoftDelete;
using Microsoft.EntityFrameworkCore;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// The one repository implementation, for every entity type: reads by id and writes go the path chosen for the
/// entity type at start-up (<see cref="EntityPaths"/>, ADR 10); pages are EF Core queries on both paths. It also
/// keeps the generic columns (ADR 19): the audit columns of an <see cref="IAudited"/> entity on every write, and the
/// marks of an <see cref="ISoftDeletable"/> entity, whose delete is an update.
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
    private static readonly bool IsAudited = typeof(TEntity).IsAssignableTo(typeof(IAudited));
    private static readonly bool IsSoftDeletable = typeof(TEntity).IsAssignableTo(typeof(ISoftDeletable));

    private readonly AppDbContext _context;
    private readonly ApplicationMetrics _metrics;
    private readonly IWritePath<TEntity> _path;
    private readonly ICurrentUser _user;
    private readonly TimeProvider _time;

    public EfRepository(AppDbContext context, EntityPaths paths, ApplicationMetrics metrics, ICurrentUser user, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _context = context;
        _metrics = metrics;
        _user = user;
        _time = time;
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

    public async Task<TEntity?> GetByIdIncludingDeletedAsync(long id, CancellationToken cancellationToken)
    {
        var entity = await DatabaseErrors.TranslateAsync<TEntity, TEntity?>(_context, () =>
            WithDeleted(_context.Set<TEntity>().AsNoTracking()).FirstOrDefaultAsync(entity => entity.Id == id, cancellationToken));
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
        {
            var rows = _context.Set<TEntity>().AsNoTracking();
            return await ListQueryTranslation.Apply(query.IncludeDeleted ? WithDeleted(rows) : rows, query).ToListAsync(cancellationToken);
        });
    }

    public async Task<TEntity> AddAsync(TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity is IAudited audited)
        {
            var (now, subject) = (Now(), _user.Subject);
            (audited.CreatedAt, audited.CreatedBy, audited.UpdatedAt, audited.UpdatedBy) = (now, subject, now, subject);
        }

        if (entity is ISoftDeletable deletable)
        {
            (deletable.DeletedAt, deletable.DeletedBy) = (null, null);
        }

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
        if (!patch.IsEmpty)
        {
            Audit(patch);
        }

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
            var deleted = IsSoftDeletable
                ? await _path.UpdateAsync(id, DeletionMarks(Now(), _user.Subject), condition, cancellationToken)
                : await _path.DeleteAsync(id, condition, cancellationToken);
            _metrics.Record(EntityName, EntityOperation.Delete, deleted is null ? EntityOutcome.NotFound : EntityOutcome.Success);
            return deleted;
        }
        catch (Exception exception) when (_metrics.RecordFailure(EntityName, EntityOperation.Delete, exception))
        {
            throw;
        }
    }

    public async Task<TEntity?> RestoreAsync(long id, VersionCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (!IsSoftDeletable || _path is not ChangeTrackerPath<TEntity> tracker)
        {
            throw new InvalidOperationException($"{EntityName} is not soft-deletable ({nameof(ISoftDeletable)}).");
        }

        var patch = DeletionMarks(deletedAt: null, deletedBy: null);
        Audit(patch);
        try
        {
            var restored = await tracker.RestoreAsync(id, patch, condition, cancellationToken);
            _metrics.Record(EntityName, EntityOperation.Update, restored is null ? EntityOutcome.NotFound : EntityOutcome.Success);
            return restored;
        }
        catch (DuplicateValueException duplicate)
        {
            throw new RestoreConflictException(EntityName, duplicate.Message, duplicate);
        }
        catch (UniqueConstraintException unique)
        {
            throw new RestoreConflictException(EntityName, "a live one has taken one of its unique values.", unique);
        }
    }

    /// <summary>
    /// The app's clock at PostgreSQL's precision (microseconds), so that an answer built from the written entity (a soft
    /// delete's, which no read can return) says what the row holds.
    /// </summary>
    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>A soft delete's marks (or, both null, a restore's).</summary>
    private static EntityPatch<TEntity> DeletionMarks(DateTimeOffset? deletedAt, string? deletedBy) => new EntityPatch<TEntity>()
        .Set(new PropertyValue(nameof(ISoftDeletable.DeletedAt), deletedAt))
        .Set(new PropertyValue(nameof(ISoftDeletable.DeletedBy), deletedBy));

    /// <summary>The rows of <paramref name="source"/> with the soft-delete filter lifted, and every other filter still on.</summary>
    private static IQueryable<TEntity> WithDeleted(IQueryable<TEntity> source) =>
        IsSoftDeletable ? source.IgnoreQueryFilters([SoftDeleteModel.FilterName]) : source;

    private void Audit(EntityPatch<TEntity> patch)
    {
        if (IsAudited)
        {
            patch.Set(new PropertyValue(nameof(IAudited.UpdatedAt), Now()))
                .Set(new PropertyValue(nameof(IAudited.UpdatedBy), _user.Subject));
        }
    }
}
