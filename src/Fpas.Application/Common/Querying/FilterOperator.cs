namespace Fpas.Application.Common.Querying;

/// <summary>A filter's operator; on the wire the suffix after <c>__</c> (none for <see cref="Equal"/>).</summary>
public enum FilterOperator
{
    Equal,
    In,
    Contains,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
