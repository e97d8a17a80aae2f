namespace Fpas.Application.Common.Exceptions;

/// <summary>A write kept losing to concurrent writes of the same <paramref name="entityName"/>; the client may try again.</summary>
public sealed class WriteConflictException(string entityName, Exception innerException)
    : Exception($"{entityName} is being changed by other requests; try again.", innerException)
{
    public string EntityName { get; } = entityName;
}
