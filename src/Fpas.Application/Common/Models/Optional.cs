namespace Fpas.Application.Common.Models;

/// <summary>
/// A request property that may be absent. <c>default</c> means "not sent";
/// a present value may itself be null when <typeparamref name="T"/> allows it.
/// </summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional value is absent.");

    public static implicit operator Optional<T>(T value) => new(value);

    public Optional<T> ToOptional() => this;
}
