using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Application.Common.Querying;
using Fpas.Domain.Common;

namespace Fpas.IntegrationTests.Support;

/// <summary>A repository that fails as a bug would, with internals in its message that must never reach a client.</summary>
public sealed class FailingRepository<TEntity> : IRepository<TEntity>
    where TEntity : Entity
{
    public const string SecretMessage = "boom: SELECT * FROM item; Host=db.internal;Password=hunter2";

    public Task<TEntity?> GetByIdAsync(long id, CancellationToken cancellationToken) => throw Failure();

    public Task<IReadOnlyList<TEntity>> ListAsync(PageRequest page, CancellationToken cancellationToken) => throw Failure();

    public Task<IReadOnlyList<TEntity>> QueryAsync(ListQuery query, CancellationToken cancellationToken) => throw Failure();

    public Task<TEntity> AddAsync(TEntity entity, CancellationToken cancellationToken) => throw Failure();

    public Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken) => throw Failure();

    public Task<TEntity?> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken) => throw Failure();

    public Task<TEntity?> GetByIdIncludingDeletedAsync(long id, CancellationToken cancellationToken) => throw Failure();

    public Task<TEntity?> RestoreAsync(long id, VersionCondition condition, CancellationToken cancellationToken) => throw Failure();

    private static InvalidOperationException Failure() => new(SecretMessage);
}
