namespace Fpas.Application.Common.Exceptions;

/// <summary>The unique index on <c>Name</c> of <paramref name="entityName"/> rejected an insert or update.</summary>
public sealed class DuplicateNameException(string entityName, Exception? innerException = null)
    : Exception($"{entityName} with given name already exists.", innerException)
{
    public string EntityName { get; } = entityName;
}
