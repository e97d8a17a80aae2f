namespace Fpas.Application.Common.Concurrency;

/// <summary>A response together with the version of the entity it shows; the HTTP layer turns the version into an <c>ETag</c>.</summary>
public sealed record Versioned<TValue>(TValue Value, uint Version) : IVersioned
{
    object? IVersioned.Value => Value;

    Type IVersioned.ValueType => typeof(TValue);
}
