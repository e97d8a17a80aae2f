using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Persistence;
using Fpas.Application.Common.Serialization;
using Fpas.Domain.Common;
using Fpas.Infrastructure.Persistence.SoftDelete;
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
/// <param name="versionAnchor">
/// For an entity type spread over several tables (TPT, entity splitting): the property every update also writes, so that
/// an update of its other tables changes the version too (<see cref="EntityPathRules.VersionAnchor"/>); null otherwise.
/// </param>
internal sealed class ChangeTrackerPath<TEntity>(AppDbContext context, string? versionAnchor) : IWritePath<TEntity>
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

    public Task<TEntity?> ReadAsync(long id, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, () => ReadById(context, id, cancellationToken));

    public Task<TEntity> InsertAsync(TEntity entity, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity>(context, async () =>
        {
            try
            {
                ThrowIfRequiredValueMissing(context.Model.FindEntityType(entity.GetType())!, entity);
                context.Add(entity);
                await context.SaveChangesAsync(cancellationToken);
                return await StoredAsync(entity, cancellationToken);
            }
            finally
            {
                context.ChangeTracker.Clear();
            }
        });

    public Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken) =>
        WriteAsync(() => LoadById(context, id, cancellationToken), condition, entity => Apply(patch, context.Entry(entity)), deleting: false, cancellationToken);

    public Task<TEntity?> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken) =>
        WriteAsync(() => LoadById(context, id, cancellationToken), condition, entity => context.Remove(entity), deleting: true, cancellationToken);

    /// <summary>
    /// Applies <paramref name="patch"/> to a soft-deleted row, found with the soft-delete filter lifted (every other filter
    /// stays on); a live row is returned as it is.
    /// </summary>
    public Task<TEntity?> RestoreAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken) =>
        WriteAsync(
            () => context.Set<TEntity>().IgnoreQueryFilters([SoftDeleteModel.FilterName]).FirstOrDefaultAsync(entity => entity.Id == id, cancellationToken),
            condition,
            entity =>
            {
                if (entity is ISoftDeletable { DeletedAt: not null })
                {
                    Apply(patch, context.Entry(entity));
                }
            },
            deleting: false,
            cancellationToken);

    /// <summary>
    /// The row as the database stores it (numeric scale, timestamp precision, values set by triggers), as the
    /// single-statement path's <c>RETURNING</c> gives it: the saved instance holds what was sent. The instance itself
    /// when a query filter hides the row it became.
    /// </summary>
    private async Task<TEntity> StoredAsync(TEntity saved, CancellationToken cancellationToken) =>
        await ReadById(context, saved.Id, cancellationToken) ?? saved;

    private Task<TEntity?> WriteAsync(Func<Task<TEntity?>> load, VersionCondition condition, Action<TEntity> change, bool deleting, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var entity = await load();
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
                    return deleting ? entity : await StoredAsync(entity, cancellationToken);
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
        if (!patch.IsEmpty && versionAnchor is not null)
        {
            entry.Property(versionAnchor).IsModified = true;
        }

        foreach (var (name, value) in patch.Values)
        {
            var member = entry.Member(name);
            if (value is null && member.Metadata is IReadOnlyProperty { IsNullable: false } or IReadOnlyComplexProperty { IsNullable: false })
            {
                throw Missing(name);
            }

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

    /// <summary>
    /// A null in a required property or complex property: EF Core refuses some before the database would (primitive
    /// collections, complex types), with an exception that says nothing to a client. Both become the same answer.
    /// </summary>
    private static void ThrowIfRequiredValueMissing(IEntityType entityType, TEntity entity)
    {
        var discriminator = entityType.FindDiscriminatorProperty();
        foreach (var property in entityType.GetProperties())
        {
            // Values EF Core or the database fills in (a discriminator, a column default) are no client's to send.
            if (property is { IsNullable: false, ValueGenerated: ValueGenerated.Never } && property != discriminator
                && !property.IsShadowProperty() && property.GetDefaultValue() is null && property.GetDefaultValueSql() is null
                && property.GetGetter().GetClrValueUsingContainingEntity(entity) is null)
            {
                throw Missing(property.Name);
            }
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            if (!complex.IsNullable && complex.GetGetter().GetClrValueUsingContainingEntity(entity) is null)
            {
                throw Missing(complex.Name);
            }
        }
    }

    private static RequiredValueMissingException Missing(string propertyName) =>
        new(typeof(TEntity).Name, WireNaming.Policy.ConvertName(propertyName), innerException: null);
}
