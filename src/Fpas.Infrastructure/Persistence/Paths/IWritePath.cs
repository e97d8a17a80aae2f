using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>
/// How one entity type is read by id and written: <see cref="SingleStatementPath{TEntity}"/> for the entity types
/// <see cref="EntityPathRules"/> proves it writes exactly as EF Core would, <see cref="ChangeTrackerPath{TEntity}"/>
/// (EF Core's own change tracker and <c>SaveChanges</c>) for every other (ADR 10). Database errors come translated.
/// </summary>
internal interface IWritePath<TEntity>
    where TEntity : Entity
{
    Task<TEntity?> ReadAsync(long id, CancellationToken cancellationToken);

    Task<TEntity> InsertAsync(TEntity entity, CancellationToken cancellationToken);

    Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken);

    Task<TEntity?> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken);
}
