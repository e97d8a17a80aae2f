using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Fpas.Infrastructure.Persistence;

/// <summary>The one repository implementation: EF Core over Npgsql, for every entity type.</summary>
internal sealed class EfRepository<TEntity>(AppDbContext context) : IRepository<TEntity>
    where TEntity : Entity
{
    private readonly DbSet<TEntity> _set = context.Set<TEntity>();

    public Task<TEntity?> GetByIdAsync(long id, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(
            context,
            () => _set.AsNoTracking().FirstOrDefaultAsync(entity => entity.Id == id, cancellationToken));

    public Task<IReadOnlyList<TEntity>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var query = _set.AsNoTracking();
        if (page.AfterId is { } afterId)
        {
            query = query.Where(entity => entity.Id > afterId);
        }

        query = query.OrderBy(entity => entity.Id).Skip(page.Offset).Take(page.Limit);
        return DatabaseErrors.TranslateAsync<TEntity, IReadOnlyList<TEntity>>(
            context,
            async () => await query.ToListAsync(cancellationToken).ConfigureAwait(false));
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
        return DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, async () =>
        {
            var entity = await _set.FirstOrDefaultAsync(stored => stored.Id == id, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return null;
            }

            update(entity);
            return await SaveOrNullIfGoneAsync(entity, cancellationToken).ConfigureAwait(false);
        });
    }

    public Task<TEntity?> DeleteAsync(long id, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, async () =>
        {
            var entity = await _set.FirstOrDefaultAsync(stored => stored.Id == id, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return null;
            }

            _set.Remove(entity);
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
