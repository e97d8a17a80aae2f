using System.Data;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Diagnostics;
using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Paging;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// The one repository implementation: EF Core over Npgsql, for every entity type. A read by id, an insert, an
/// update and a delete are one plain statement each, built from the EF model (<c>SELECT</c>, <c>... RETURNING</c>),
/// and updates and deletes check the client's <see cref="VersionCondition"/> in their own <c>WHERE</c>; pages (and
/// reads by id of an entity type with a query filter) are compiled queries, built once per entity type, so a request
/// pays no LINQ translation or cache lookup (docs/adr/0010-single-statement-writes.md).
/// </summary>
internal sealed class EfRepository<TEntity>(AppDbContext context, ApplicationMetrics metrics) : IRepository<TEntity>
    where TEntity : Entity
{
    private static readonly Func<AppDbContext, long, CancellationToken, Task<TEntity?>> ReadById =
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken _) =>
            db.Set<TEntity>().AsNoTracking().FirstOrDefault(entity => entity.Id == id));

    private static readonly Func<AppDbContext, long, CancellationToken, Task<uint?>> ReadVersion =
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken _) =>
            db.Set<TEntity>().Where(entity => entity.Id == id).Select(entity => (uint?)entity.Version).FirstOrDefault());

    // Ids start at 1, so "after 0" is the first page: one query shape serves keyset and offset paging.
    private static readonly Func<AppDbContext, long, int, int, IAsyncEnumerable<TEntity>> ReadPage =
        EF.CompileAsyncQuery((AppDbContext db, long afterId, int offset, int limit) =>
            db.Set<TEntity>().AsNoTracking()
                .Where(entity => entity.Id > afterId)
                .OrderBy(entity => entity.Id)
                .Skip(offset)
                .Take(limit));

    private static ReturningStatements? _statements;

    private ReturningStatements Statements => _statements ??= new ReturningStatements(
        context.Model.FindEntityType(typeof(TEntity))!, context.GetService<ISqlGenerationHelper>());

    private static readonly string EntityName = typeof(TEntity).Name;

    public async Task<TEntity?> GetByIdAsync(long id, CancellationToken cancellationToken)
    {
        var entity = await ReadAsync(id, cancellationToken);
        metrics.Record(EntityName, EntityOperation.Read, entity is null ? EntityOutcome.NotFound : EntityOutcome.Success);
        return entity;
    }

    public Task<IReadOnlyList<TEntity>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return DatabaseErrors.TranslateAsync<TEntity, IReadOnlyList<TEntity>>(context, async () =>
        {
            var items = new List<TEntity>(page.Limit);
            await foreach (var entity in ReadPage(context, page.AfterId ?? 0, page.Offset, page.Limit)
                .WithCancellation(cancellationToken))
            {
                items.Add(entity);
            }

            return items;
        });
    }

    public async Task<TEntity> AddAsync(TEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(entity);
            var stored = await SingleRowAsync(Statements.Insert(entity), cancellationToken)
                ?? throw new InvalidOperationException($"The insert of {EntityName} returned no row.");
            metrics.Record(EntityName, EntityOperation.Create, EntityOutcome.Success);
            return stored;
        }
        catch (Exception exception) when (metrics.RecordFailure(EntityName, EntityOperation.Create, exception))
        {
            throw;
        }
    }

    public async Task<TEntity?> UpdateAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(condition);
        try
        {
            var updated = await WriteAsync(id, patch, condition, cancellationToken);
            metrics.Record(EntityName, EntityOperation.Update, updated is null ? EntityOutcome.NotFound : EntityOutcome.Success);
            return updated;
        }
        catch (Exception exception) when (metrics.RecordFailure(EntityName, EntityOperation.Update, exception))
        {
            throw;
        }
    }

    public async Task<TEntity?> DeleteAsync(long id, VersionCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        try
        {
            var deleted = await ConditionalWriteAsync(id, Statements.Delete(id, condition), condition, cancellationToken);
            metrics.Record(EntityName, EntityOperation.Delete, deleted is null ? EntityOutcome.NotFound : EntityOutcome.Success);
            return deleted;
        }
        catch (Exception exception) when (metrics.RecordFailure(EntityName, EntityOperation.Delete, exception))
        {
            throw;
        }
    }

    private async Task<TEntity?> WriteAsync(long id, EntityPatch<TEntity> patch, VersionCondition condition, CancellationToken cancellationToken)
    {
        if (patch.IsEmpty)
        {
            // Nothing to write: the version stays, and the condition is checked against the row as read.
            var stored = await ReadAsync(id, cancellationToken);
            return stored is null || condition.IsSatisfiedBy(stored.Version)
                ? stored
                : throw new PreconditionFailedException(typeof(TEntity).Name, stored.Version);
        }

        return await ConditionalWriteAsync(id, Statements.Update(id, patch.Values, condition), condition, cancellationToken);
    }

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

        var current = await DatabaseErrors.TranslateAsync<TEntity, uint?>(context, () => ReadVersion(context, id, cancellationToken));
        return current is { } version ? throw new PreconditionFailedException(typeof(TEntity).Name, version) : null;
    }

    /// <summary>
    /// The stored entity, untracked, with database errors translated (no metrics: callers record their own operation):
    /// a plain <c>SELECT</c> like the writes (EF's query executor made its shaper delegates anew on every call, 4 % of a
    /// read's CPU), or the compiled query when the entity type has a query filter.
    /// </summary>
    private Task<TEntity?> ReadAsync(long id, CancellationToken cancellationToken) =>
        Statements.SelectById(id) is { } select
            ? SingleRowAsync(select, cancellationToken)
            : DatabaseErrors.TranslateAsync<TEntity, TEntity?>(context, () => ReadById(context, id, cancellationToken));

    /// <summary>
    /// Runs a <c>SELECT</c> by key or an <c>INSERT</c>/<c>UPDATE</c>/<c>DELETE ... RETURNING</c> statement on the context's
    /// connection (in its transaction, if one is open) and reads the row it returns; null when there is none. A plain command, not
    /// <c>FromSql</c>: a query root with parameters is translated anew on every call (ADR 10).
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
                return await reader.ReadAsync(cancellationToken) ? Statements.Rows.Read<TEntity>(reader) : null;
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        });
}
