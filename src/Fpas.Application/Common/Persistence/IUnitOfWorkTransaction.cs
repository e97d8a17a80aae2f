namespace Fpas.Application.Common.Persistence;

/// <summary>An open unit of work (<see cref="IUnitOfWork.BeginAsync"/>): commit it, or dispose it to roll back.</summary>
public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
