namespace Fpas.Application.Common.Exceptions;

/// <summary>A conditional write found <paramref name="entityName"/> in another version than the client named.</summary>
public sealed class PreconditionFailedException(string entityName, uint currentVersion)
    : Exception($"{entityName} has changed since the version named in the request.")
{
    public string EntityName { get; } = entityName;

    /// <summary>The stored version, so that the client can see what it would overwrite.</summary>
    public uint CurrentVersion { get; } = currentVersion;
}
