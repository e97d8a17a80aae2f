using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using Fpas.Application.Common.Serialization;
using Fpas.Domain.Common;

namespace Fpas.Application.Common.Querying;

/// <summary>The fields of one resource's lists, declared once next to the resource (<c>ItemListFields</c>), and what reads them.</summary>
public abstract class ListFields
{
    public const string IdName = "id";

    private readonly Dictionary<string, QueryField> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _search = [];

    public IReadOnlyCollection<QueryField> Fields => _fields.Values;

    /// <summary>The properties <c>q</c> searches (PostgreSQL full-text search, English); none: <c>q</c> is refused.</summary>
    public IReadOnlyList<string> SearchProperties => _search;

    public QueryField Id => _fields[IdName];

    public QueryField? Find(string name) => _fields.GetValueOrDefault(name);

    /// <summary>The values of <paramref name="entity"/>'s sort keys in <paramref name="order"/>: where a next page starts.</summary>
    public static IReadOnlyList<object> PositionOf(Entity entity, IReadOnlyList<OrderKey> order)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(order);
        return [.. order.Select(key => entity.GetType().GetProperty(key.Field.Property)!.GetValue(entity)!)];
    }

    protected void Add(QueryField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        _fields.Add(field.Name, field);
    }

    protected void AddSearch(string property) => _search.Add(property);
}

/// <summary>The declaration of <typeparamref name="TEntity"/>'s list fields: what a resource writes to join the list grammar.</summary>
public abstract class ListFields<TEntity> : ListFields
    where TEntity : Entity
{
    protected ListFields()
    {
        Field(entity => entity.Id, FieldKind.WholeNumber, sortable: true, Bounds);
    }

    protected static FrozenSet<FilterOperator> Bounds { get; } =
        new[] { FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual }.ToFrozenSet();

    /// <summary>Declares <paramref name="property"/> as a list field, named on the wire as its JSON property is.</summary>
    protected void Field<TValue>(Expression<Func<TEntity, TValue>> property, FieldKind kind, bool sortable, params IEnumerable<FilterOperator> operators)
    {
        var name = MemberName(property);
        Add(new QueryField(WireNaming.Policy.ConvertName(name), name, kind, operators.ToFrozenSet(), sortable));
    }

    /// <summary>Declares the text properties <c>q</c> searches.</summary>
    protected void Search(params Expression<Func<TEntity, string?>>[] properties)
    {
        foreach (var property in properties)
        {
            AddSearch(MemberName(property));
        }
    }

    private static string MemberName(LambdaExpression property) =>
        property.Body is MemberExpression { Member: PropertyInfo info } ? info.Name
        : throw new ArgumentException("Expected a property, like entity => entity.Name.", nameof(property));
}
