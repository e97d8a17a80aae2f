namespace Fpas.Application.Common.Persistence;

/// <summary>One assignment of an <see cref="EntityPatch{TEntity}"/>: the CLR property name and its new value.</summary>
public sealed record PropertyValue(string PropertyName, object? Value);
