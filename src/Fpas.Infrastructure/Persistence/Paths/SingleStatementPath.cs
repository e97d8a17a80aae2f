using System.Data;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>
/// One plain statement per operation, built from the EF model at start-up (<see cref="ReturningStatements"/>):
/// <c>SELECT</c> by key, <c>INSERT</c>/<c>UPDATE</c>/<c>DELETE ... RETURNING</c>, with the client's
/// <see cref="VersionCondition"/> in the write's own <c>WHERE</c>. Only for the entity types
/// <see cref="EntityPathRules"/> proves it exact for (ADR 10).
/// </summary>
internal sealed class SingleStatementPath<TEntity>(AppDbContext context, ReturningStatements statements) : IWritePath<TEntity>
    where TEntity : Entity
{
    public Task<TEntity?> ReadAsync(long id, CancellationToken cancellationToken) =>
        SingleRowAsync(statements.SelectById(id), cancellationToken);

    public async Task<TEntity> InsertAsync(TEntity entity, CancellationToken cancellationToken) =>
        await SingleRowAsync(statements.Insert(entity), cancellationToken)
        ?? throw new InvalidOperationException($"The insert of {typeof(TEntity).Name} returned no row.");

    public async Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken)
    {
        if (patch.IsEmpty)
        {
            // Nothing to write: the version stays, and the condition is checked against the row as read.
            var stored = await ReadAsync(id, cancellationToken);
            return stored is null || condition.IsSatisfiedBy(stored.Version)
                ? stored
                : throw new PreconditionFailedException(typeof(TEntity).Name, stored.Version);
        }

        return await ConditionalWriteAsync(id, statements.Update(id, patch.Values, condition), condition, cancellationToken);
    }

    public Task<TEntity?> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken) =>
        ConditionalWriteAsync(id, statements.Delete(id, condition), condition, cancellationToken);

    /// <summary>
    /// Runs a write that checks the version in its own <c>WHERE</c>. When it touches no row and the condition named
    /// versions, one more read tells "no such entity" (null) from "another version" (<see cref="PreconditionFailedException"/>).
    /// </summary>
    private async Task<TEntity?> ConditionalWriteAsync(long id, RowStatement statement, VersionCondition condition, CancellationToken cancellationToken)
    {
        var written = await SingleRowAsync(statement, cancellationToken);
        if (written is not null || condition.Versions is null)
        {
            return written;
        }

        var current = await ReadAsync(id, cancellationToken);
        return current is null ? null : throw new PreconditionFailedException(typeof(TEntity).Name, current.Version);
    }

    /// <summary>
    /// Runs the statement on the context's connection (in its transaction, if one is open) and reads the row it returns;
    /// null when there is none. A plain command, not <c>FromSql</c>: a query root with parameters is translated anew on every call.
    /// </summary>
    private Task<TEntity?> SingleRowAsync(RowStatement statement, CancellationToken cancellationToken) =>
        DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, async () =>
        {
            var database = context.Database;
            await database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = statement.CreateCommand(
                    (NpgsqlConnection)database.GetDbConnection(), (NpgsqlTransaction?)database.CurrentTransaction?.GetDbTransaction());
                if (database.GetCommandTimeout() is { } timeout)
                {
                    command.CommandTimeout = timeout;
                }

                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? statements.Rows.Read<TEntity>(reader) : null;
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        });
}
