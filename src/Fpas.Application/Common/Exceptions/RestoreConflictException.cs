namespace Fpas.Application.Common.Exceptions;

/// <summary>A soft-deleted entity cannot come back: a live one has taken one of its unique values since (HTTP 409).</summary>
public sealed class RestoreConflictException(string entityName, string reason, Exception? innerException = null)
    : Exception($"The {entityName} cannot be restored: {reason}", innerException)
{
    public string EntityName { get; } = entityName;
}
