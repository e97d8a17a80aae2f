namespace Fpas.Application.Common.Concurrency;

/// <summary>The untyped view of <see cref="Versioned{TValue}"/>, for code that handles every resource alike.</summary>
public interface IVersioned
{
    object? Value { get; }

    Type ValueType { get; }

    uint Version { get; }
}
