using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>
/// EF Core's own path: queries, the change tracker and <c>SaveChanges</c>, so every mapping EF supports is honoured
/// (owned, complex and JSON types, inheritance, entity splitting, shadow properties, every concurrency token, query
/// filters, interceptors). A write loads the row first (a row a query filter hides is not found), checks the client's
/// <see cref="VersionCondition"/> against it, and saves with the loaded version as EF's concurrency check, so a
/// concurrent write in between is noticed and the write is decided again on the new row (ADR 10).
/// </summary>
internal sealed class ChangeTrackerPath<TEntity>(AppDbContext context) : IWritePath<TEntity>
    where TEntity : Entity
{
    /// <summary>How often a write is decided again after losing a race with a concurrent one before it gives up.</summary>
    private const int MaxAttempts = 5;

    private static readonly Func<AppDbContext, long, CancellationToken, Task<TEntity?>> ReadById =
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken _) =>
            db.Set<TEntity>().AsNoTracking().FirstOrDefault(entity => entity.Id == id));

    private static readonly Func<AppDbContext, long, CancellationToken, Task<TEntity?>> LoadById =
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken _) =>
            db.Set<TEntity>().FirstOrDefault(entity => entity.Id == id));

    private static string? _versionAnchor;

    public Task<TEntity?> ReadAsync(long id, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, () => ReadById(context, id, cancellationToken));

    public Task<TEntity> InsertAsync(TEntity entity, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity>(context, async () =>
        {
            try
            {
                context.Add(entity);
                await context.SaveChangesAsync(cancellationToken);
                return entity;
            }
            finally
            {
                context.ChangeTracker.Clear();
            }
        });

    public Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken) =>
        WriteAsync(id, condition, entity => Apply(patch, context.Entry(entity)), cancellationToken);

    /// <summary>
    /// For an entity type spread over several tables (TPT, entity splitting): the property every update also writes, so
    /// that an update of its other tables changes the version too; the empty string for an entity type in one table.
    /// </summary>
    private string VersionAnchor => _versionAnchor ??= AnchorOf(context.Model.FindEntityType(typeof(TEntity))!);

    public Task<TEntity?> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken) =>
        WriteAsync(id, condition, entity => context.Remove(entity), cancellationToken);

    private Task<TEntity?> WriteAsync(long id, VersionCondition condition, Action<TEntity> change, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var entity = await LoadById(context, id, cancellationToken);
                    if (entity is null)
                    {
                        return null;
                    }

                    if (!condition.IsSatisfiedBy(entity.Version))
                    {
                        throw new PreconditionFailedException(typeof(TEntity).Name, entity.Version);
                    }

                    change(entity);
                    await context.SaveChangesAsync(cancellationToken);
                    return entity;
                }
                catch (DbUpdateConcurrencyException exception)
                {
                    // Another write came between the load and the save: decide again on the row as it is now.
                    if (attempt == MaxAttempts)
                    {
                        throw new WriteConflictException(typeof(TEntity).Name, exception);
                    }
                }
                finally
                {
                    context.ChangeTracker.Clear();
                }
            }
        });

    /// <summary>
    /// Writes each value through EF's entry, so private setters, backing fields, complex properties and owned
    /// references are set as EF sets them; a value sent is written even when it equals the stored one, so that
    /// every update is a write (a new version), as on the single-statement path.
    /// </summary>
    private void Apply(EntityPatch<TEntity> patch, EntityEntry<TEntity> entry)
    {
        if (!patch.IsEmpty && VersionAnchor.Length > 0)
        {
            entry.Property(VersionAnchor).IsModified = true;
        }

        foreach (var (name, value) in patch.Values)
        {
            var member = entry.Member(name);
            member.CurrentValue = value;
            switch (member)
            {
                case PropertyEntry property:
                    property.IsModified = true;
                    break;
                case ComplexPropertyEntry complex:
                    complex.IsModified = true;
                    break;
            }
        }
    }

    private static string AnchorOf(IEntityType entityType) =>
        entityType.GetTableMappings().Select(mapping => mapping.Table).Distinct().Skip(1).Any()
            ? EntityPathRules.VersionAnchor(entityType)!.Name
            : string.Empty;
}
