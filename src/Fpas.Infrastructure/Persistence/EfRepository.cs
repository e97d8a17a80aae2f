using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// The one repository implementation: EF Core over Npgsql, for every entity type. Reads are compiled
/// queries (built once per entity type), so a request pays no LINQ translation or cache lookup; updates and
/// deletes are single <c>... RETURNING</c> statements, one round trip each.
/// </summary>
internal sealed class EfRepository<TEntity>(AppDbContext context) : IRepository<TEntity>
    where TEntity : Entity
{
    private static readonly Func<AppDbContext, long, CancellationToken, Task<TEntity?>> ReadById =
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken _) =>
            db.Set<TEntity>().AsNoTracking().FirstOrDefault(entity => entity.Id == id));

    // Ids start at 1, so "after 0" is the first page: one query shape serves keyset and offset paging.
    private static readonly Func<AppDbContext, long, int, int, IAsyncEnumerable<TEntity>> ReadPage =
        EF.CompileAsyncQuery((AppDbContext db, long afterId, int offset, int limit) =>
            db.Set<TEntity>().AsNoTracking()
                .Where(entity => entity.Id > afterId)
                .OrderBy(entity => entity.Id)
                .Skip(offset)
                .Take(limit));

    private static ReturningStatements? _statements;

    private readonly DbSet<TEntity> _set = context.Set<TEntity>();

    private ReturningStatements Statements => _statements ??= new ReturningStatements(
        context.Model.FindEntityType(typeof(TEntity))!, context.GetService<ISqlGenerationHelper>());

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

    public Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.IsEmpty)
        {
            return GetByIdAsync(id, cancellationToken);
        }

        var (sql, parameters) = Statements.Update(id, patch.Values);
        return ReturningRowAsync(sql, parameters, cancellationToken);
    }

    public Task<TEntity?> DeleteAsync(long id, CancellationToken cancellationToken) =>
        ReturningRowAsync(Statements.Delete, [id], cancellationToken);

    /// <summary>Runs an <c>UPDATE</c>/<c>DELETE ... RETURNING</c> statement; null when it touched no row.</summary>
    private Task<TEntity?> ReturningRowAsync(string sql, object?[] parameters, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, async () =>
        {
            // Not composable: AsAsyncEnumerable keeps EF from wrapping the statement in a SELECT.
            await foreach (var entity in _set.FromSqlRaw(sql, parameters!).AsNoTracking().AsAsyncEnumerable()
                .WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                return entity;
            }

            return null;
        });
}
