namespace Fpas.Application.Common.Exceptions;

/// <summary>No <paramref name="entityName"/> has the requested id.</summary>
public sealed class NotFoundException(string entityName)
    : Exception($"Requested {entityName} does not exist.")
{
    public string EntityName { get; } = entityName;
}
