using Fpas.Application.Common.Exceptions;
using Fpas.Application.Common.Serialization;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
        catch (Exception exception) when (Find(exception, PostgresErrorCodes.NotNullViolation) is { } violation)
        {
            context.ChangeTracker.Clear();
            throw new RequiredValueMissingException(entityName, WireName(context.Model, violation), exception);
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            context.ChangeTracker.Clear();
            throw new DatabaseUnavailableException(exception);
        }
    }

    private static PostgresException? FindUniqueViolation(Exception exception) => Find(exception, PostgresErrorCodes.UniqueViolation);

    private static PostgresException? Find(Exception exception, string sqlState) =>
        Unwrap(exception).OfType<PostgresException>().FirstOrDefault(e => e.SqlState == sqlState);

    /// <summary>The wire name of the entity's property (or complex property) stored in the violation's column.</summary>
    private static string WireName(IModel model, PostgresException violation)
    {
        var property = model.GetRelationalModel().Tables
            .Where(table => table.Name == violation.TableName)
            .SelectMany(table => table.Columns)
            .Where(column => column.Name == violation.ColumnName)
            .SelectMany(column => column.PropertyMappings)
            .Select(mapping => mapping.Property)
            .FirstOrDefault();
        ITypeBase? owner = property?.DeclaringType;
        var name = property?.Name ?? violation.ColumnName ?? "body";
        while (owner is IComplexType complex)
        {
            name = complex.ComplexProperty.Name;
            owner = complex.ComplexProperty.DeclaringType;
        }

        return WireNaming.Policy.ConvertName(name);
    }

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
