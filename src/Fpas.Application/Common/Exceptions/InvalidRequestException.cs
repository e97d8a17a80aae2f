namespace Fpas.Application.Common.Exceptions;

/// <summary>A request that fails validation outside a body validator (query parameters): errors keyed by wire name.</summary>
public sealed class InvalidRequestException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more validation errors occurred.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
