namespace Fpas.Application.Common.Querying;

/// <summary>
/// A field clients may filter or sort a list by: its wire name, the entity property it reads, its kind, the operators
/// it allows, and whether it is a sort key (a sort key is never null, and has the index its sort needs).
/// </summary>
public sealed record QueryField(string Name, string Property, FieldKind Kind, IReadOnlySet<FilterOperator> Operators, bool Sortable);
