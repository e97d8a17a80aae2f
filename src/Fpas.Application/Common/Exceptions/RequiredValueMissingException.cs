namespace Fpas.Application.Common.Exceptions;

/// <summary>
/// A write left a required value of <paramref name="entityName"/> empty (a client's <c>null</c> that no validator refused):
/// the database kept nothing. <see cref="PropertyName"/> is the property's wire name.
/// </summary>
public sealed class RequiredValueMissingException(string entityName, string propertyName, Exception? innerException)
    : Exception($"'{propertyName}' must not be null.", innerException)
{
    public string EntityName { get; } = entityName;

    public string PropertyName { get; } = propertyName;
}
