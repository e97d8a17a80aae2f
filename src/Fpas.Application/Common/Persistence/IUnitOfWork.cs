namespace Fpas.Application.Common.Persistence;

/// <summary>
/// The request's unit of work. <see cref="BeginAsync"/> opens the one transaction that every repository and store of
/// the request writes in until it is committed; disposing it uncommitted rolls all of it back. Without one, each
/// repository write commits on its own.
/// </summary>
public interface IUnitOfWork
{
    Task<IUnitOfWorkTransaction> BeginAsync(CancellationToken cancellationToken);
}
