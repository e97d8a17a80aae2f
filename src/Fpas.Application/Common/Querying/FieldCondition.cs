namespace Fpas.Application.Common.Querying;

/// <summary>
/// One filter of a list query: <see cref="Value"/> is a <see cref="bool"/>, <see cref="string"/>, <see cref="long"/> or
/// <see cref="DateTimeOffset"/> (UTC) by the field's kind, or a list of strings for <see cref="FilterOperator.In"/>.
/// </summary>
public sealed record FieldCondition(QueryField Field, FilterOperator Operator, object Value);
