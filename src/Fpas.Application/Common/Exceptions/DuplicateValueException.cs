namespace Fpas.Application.Common.Exceptions;

/// <summary>
/// A unique index that states a client-facing message rejected a write: the client chose a value that is taken
/// (a 400 with that message). Where the message comes from is the entity's configuration, next to the index.
/// </summary>
public sealed class DuplicateValueException(string entityName, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string EntityName { get; } = entityName;
}
