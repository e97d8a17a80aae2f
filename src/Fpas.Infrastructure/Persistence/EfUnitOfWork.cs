using Fpas.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// The unit of work of one request: a transaction on the request's <see cref="AppDbContext"/>, which every repository
/// and store of the request is given, so whatever they write belongs to it.
/// </summary>
internal sealed class EfUnitOfWork(AppDbContext context) : IUnitOfWork
{
    private const string Name = "Unit of work";

    public async Task<IUnitOfWorkTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var transaction = await DatabaseErrors.TranslateAsync(context, Name, () => context.Database.BeginTransactionAsync(cancellationToken));
        // The writes share one transaction; savepoints around each SaveChanges would only add round trips.
        context.Database.AutoSavepointsEnabled = false;
        return new Transaction(context, transaction);
    }

    private sealed class Transaction(AppDbContext context, IDbContextTransaction transaction) : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) =>
            DatabaseErrors.TranslateAsync(context, Name, async () =>
            {
                await transaction.CommitAsync(cancellationToken);
                return true;
            });

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            context.Database.AutoSavepointsEnabled = true;
        }
    }
}
