using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// The one repository implementation: EF Core over Npgsql, for every entity type. Reads are compiled
/// queries (built once per entity type), so a request pays no LINQ translation or cache lookup.
/// </summary>
internal sealed class EfRepository<TEntity>(AppDbContext context) : IRepository<TEntity>
    where TEntity : Entity
{
    private static readonly Func<AppDbContext, long, CancellationToken, Task<TEntity?>> ReadById =
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken _) =>
            db.Set<TEntity>().AsNoTracking().FirstOrDefault(entity => entity.Id == id));

    private static readonly Func<AppDbContext, long, CancellationToken, Task<TEntity?>> FindTracked =
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken _) =>
            db.Set<TEntity>().FirstOrDefault(entity => entity.Id == id));

    // Ids start at 1, so "after 0" is the first page: one query shape serves keyset and offset paging.
    private static readonly Func<AppDbContext, long, int, int, IAsyncEnumerable<TEntity>> ReadPage =
        EF.CompileAsyncQuery((AppDbContext db, long afterId, int offset, int limit) =>
            db.Set<TEntity>().AsNoTracking()
                .Where(entity => entity.Id > afterId)
                .OrderBy(entity => entity.Id)
                .Skip(offset)
                .Take(limit));

    private readonly DbSet<TEntity> _set = context.Set<TEntity>();

    public Task<TEntity?> GetByIdAsync(long id, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, () => ReadById(context, id, cancellationToken));

    public Task<IReadOnlyList<TEntity>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return DatabaseErrors.TranslateAsync<TEntity, IReadOnlyList<TEntity>>(context, async () =>
        {
            var items = new List<TEntity>(page.Limit);
            await foreach (var entity in ReadPage(context, page.AfterId ?? 0, page.Offset, page.Limit)
                .WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                items.Add(entity);
            }

            return items;
        });
    }

    public Task<TEntity> AddAsync(TEntity entity, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity>(context, async () =>
        {
            _set.Add(entity);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return entity;
        });

    public Task<TEntity?> UpdateAsync(long id, Action<TEntity> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return ChangeAsync(id, update, cancellationToken);
    }

    public Task<TEntity?> DeleteAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, entity => _set.Remove(entity), cancellationToken);

    /// <summary>Loads the entity tracked, applies <paramref name="change"/> and saves; null when no entity has that id.</summary>
    private Task<TEntity?> ChangeAsync(long id, Action<TEntity> change, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, async () =>
        {
            var entity = await FindTracked(context, id, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return null;
            }

            change(entity);
            return await SaveOrNullIfGoneAsync(entity, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>A row deleted by someone else between our read and our write is reported as missing.</summary>
    private async Task<TEntity?> SaveOrNullIfGoneAsync(TEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return entity;
        }
        catch (DbUpdateConcurrencyException)
        {
            context.ChangeTracker.Clear();
            return null;
        }
    }
}
