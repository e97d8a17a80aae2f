namespace Fpas.Application.Common.Exceptions;

/// <summary>A unique constraint other than an entity's name index rejected a write.</summary>
public sealed class UniqueConstraintException(string entityName, string constraintName, Exception? innerException = null)
    : Exception($"{entityName} conflicts with an existing one ({constraintName}).", innerException)
{
    public string EntityName { get; } = entityName;

    public string ConstraintName { get; } = constraintName;
}
