using Fpas.Application.Common.Exceptions;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fpas.Infrastructure.Persistence;

/// <summary>Turns provider exceptions into the application's exceptions, by SQLSTATE and constraint name.</summary>
internal static class DatabaseErrors
{
    public static async Task<TResult> TranslateAsync<TEntity, TResult>(DbContext context, Func<Task<TResult>> action)
        where TEntity : Entity
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception exception) when (FindUniqueViolation(exception) is { } violation)
        {
            context.ChangeTracker.Clear();
            var entityName = typeof(TEntity).Name;
            throw violation.ConstraintName == NameIndexOf<TEntity>(context)
                ? new DuplicateNameException(entityName, exception)
                : new UniqueConstraintException(entityName, violation.ConstraintName ?? "unknown", exception);
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            context.ChangeTracker.Clear();
            throw new DatabaseUnavailableException(exception);
        }
    }

    /// <summary>The database name of the unique index on the entity's <c>Name</c> property, if it has one.</summary>
    private static string? NameIndexOf<TEntity>(DbContext context) =>
        context.Model.FindEntityType(typeof(TEntity))?
            .GetIndexes()
            .FirstOrDefault(index => index.IsUnique && index.Properties is [{ Name: "Name" }])?
            .GetDatabaseName();

    private static PostgresException? FindUniqueViolation(Exception exception) =>
        Unwrap(exception).OfType<PostgresException>().FirstOrDefault(e => e.SqlState == PostgresErrorCodes.UniqueViolation);

    private static bool IsUnavailable(Exception exception) =>
        Unwrap(exception).Any(e => e is TimeoutException
            || e is NpgsqlException { IsTransient: true }
            || (e is NpgsqlException and not PostgresException));

    private static IEnumerable<Exception> Unwrap(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
