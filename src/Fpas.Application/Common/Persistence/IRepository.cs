using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Querying;
using Fpas.Domain.Common;

namespace Fpas.Application.Common.Persistence;

/// <summary>
/// Async persistence of one entity type. Implemented once, generically, in Infrastructure.
/// A taken unique value surfaces as <see cref="Exceptions.DuplicateValueException"/> (or
/// <see cref="Exceptions.UniqueConstraintException"/> when its index states no message), a write whose
/// <see cref="VersionCondition"/> does not hold as <see cref="Exceptions.PreconditionFailedException"/>,
/// an unreachable database as <see cref="Exceptions.DatabaseUnavailableException"/>.
/// </summary>
public interface IRepository<TEntity>
    where TEntity : Entity
{
    Task<TEntity?> GetByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>A page ordered by id: rows with id &gt; <see cref="PageRequest.AfterId"/>, skipping <see cref="PageRequest.Offset"/>.</summary>
    Task<IReadOnlyList<TEntity>> ListAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>A page of a list query: its filters, search and order, after its cursor or id, skipping its offset.</summary>
    Task<IReadOnlyList<TEntity>> QueryAsync(ListQuery query, CancellationToken cancellationToken);

    /// <summary>Inserts the entity and returns the stored row (a new instance with the database-assigned values: key, defaults, version).</summary>
    Task<TEntity> AddAsync(TEntity entity, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the patch's properties in one statement that also checks <paramref name="condition"/>, and returns the
    /// stored entity; null when no entity has that id.
    /// </summary>
    Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the entity in one statement that also checks <paramref name="condition"/>, and returns it as it was; null
    /// when no entity has that id. An <see cref="ISoftDeletable"/> entity is only marked deleted, and returned so.
    /// </summary>
    Task<TEntity?> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken);

    /// <summary>Like <see cref="GetByIdAsync"/>, and also a soft-deleted <see cref="ISoftDeletable"/> entity.</summary>
    Task<TEntity?> GetByIdIncludingDeletedAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Brings back a soft-deleted <see cref="ISoftDeletable"/> entity if <paramref name="condition"/> holds (a live one is
    /// returned unchanged); null when no entity, live or deleted, has that id. A unique value taken meanwhile is a
    /// <see cref="Exceptions.UniqueConstraintException"/>.
    /// </summary>
    Task<TEntity?> RestoreAsync(long id, VersionCondition condition, CancellationToken cancellationToken);
}
