namespace Fpas.Application.Common.Exceptions;

/// <summary>A unique constraint that states no client-facing message rejected a write (a 409 without details).</summary>
public sealed class UniqueConstraintException(string entityName, string constraintName, Exception? innerException = null)
    : Exception($"{entityName} conflicts with an existing one ({constraintName}).", innerException)
{
    public string EntityName { get; } = entityName;

    public string ConstraintName { get; } = constraintName;
}
