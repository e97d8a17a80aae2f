using Fpas.Application.Common.Exceptions;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// Turns provider exceptions into the application's exceptions, by SQLSTATE and constraint name; what a unique
/// violation means to a client is stated on its index (<see cref="UniqueIndexMessages"/>), not here.
/// </summary>
internal static class DatabaseErrors
{
    public static Task<TResult> TranslateAsync<TEntity, TResult>(DbContext context, Func<Task<TResult>> action)
        where TEntity : Entity =>
        TranslateAsync(context, typeof(TEntity).Name, action);

    /// <summary>Runs <paramref name="action"/>, naming <paramref name="entityName"/> in the exceptions it translates.</summary>
    public static async Task<TResult> TranslateAsync<TResult>(DbContext context, string entityName, Func<Task<TResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception exception) when (FindUniqueViolation(exception) is { } violation)
        {
            context.ChangeTracker.Clear();
            throw UniqueIndexMessages.Find(context.Model, violation.ConstraintName) is { } message
                ? new DuplicateValueException(entityName, message, exception)
                : new UniqueConstraintException(entityName, violation.ConstraintName ?? "unknown", exception);
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            context.ChangeTracker.Clear();
            throw new DatabaseUnavailableException(exception);
        }
    }

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
