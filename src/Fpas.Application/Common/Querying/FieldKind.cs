namespace Fpas.Application.Common.Querying;

/// <summary>How a list field's values are written in a query string and compared.</summary>
public enum FieldKind
{
    Boolean,
    Text,
    WholeNumber,
    DateTime,
}
