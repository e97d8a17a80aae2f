using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Fpas.Application.Common.Querying;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Fpas.Infrastructure.Persistence.Querying;

/// <summary>
/// Turns a <see cref="ListQuery"/> into an EF Core query: each filter a <c>WHERE</c> condition on its property (values as
/// parameters), <c>q</c> a full-text match, the order an <c>ORDER BY</c> over the sort keys, and a cursor a keyset
/// condition on them, so that a deep page costs what the first does (ADR 18).
/// </summary>
internal static class ListQueryTranslation
{
    /// <summary>The text search configuration of <c>q</c>, and of the stored vector it matches.</summary>
    public const string SearchConfiguration = "english";

    /// <summary>The shadow property (column <c>search_vector</c>) that holds an entity's stored text-search vector.</summary>
    public const string SearchVector = "SearchVector";

    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo Contains = typeof(Enumerable).GetMethods()
        .Single(method => method.Name == nameof(Enumerable.Contains) && method.GetParameters().Length == 2).MakeGenericMethod(typeof(string));

    private static readonly MethodInfo WebSearchToTsQuery = typeof(NpgsqlFullTextSearchDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlFullTextSearchDbFunctionsExtensions.WebSearchToTsQuery), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly MethodInfo Matches = typeof(NpgsqlFullTextSearchLinqExtensions).GetMethod(
        nameof(NpgsqlFullTextSearchLinqExtensions.Matches), [typeof(NpgsqlTsVector), typeof(NpgsqlTsQuery)])!;

    private static readonly MethodInfo RowGreaterThan = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.GreaterThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly MethodInfo RowLessThan = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.LessThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly MethodInfo CompareStrings = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static IQueryable<TEntity> Apply<TEntity>(IQueryable<TEntity> rows, ListQuery query)
        where TEntity : Entity
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        foreach (var condition in query.Conditions)
        {
            rows = rows.Where(Lambda<TEntity>(Condition(entity, condition), entity));
        }

        if (query.Search is { } search)
        {
            rows = rows.Where(SearchCondition<TEntity>(entity, search));
        }

        if (query.AfterId is { } afterId)
        {
            rows = rows.Where(Lambda<TEntity>(Expression.GreaterThan(Property(entity, nameof(Entity.Id)), Parameter(afterId)), entity));
        }

        if (query.After is { } after)
        {
            rows = rows.Where(Lambda<TEntity>(Keyset(entity, query.Order, after), entity));
        }

        IOrderedQueryable<TEntity>? ordered = null;
        foreach (var key in query.Order)
        {
            var property = Property(entity, key.Field.Property);
            var selector = Expression.Lambda(property, entity);
            var method = (ordered is null, key.Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            ordered = (IOrderedQueryable<TEntity>)rows.Provider.CreateQuery<TEntity>(Expression.Call(
                typeof(Queryable), method, [typeof(TEntity), property.Type], (ordered ?? rows).Expression, Expression.Quote(selector)));
        }

        return (ordered ?? rows).Skip(query.Offset).Take(query.Limit);
    }

    private static Expression Condition(ParameterExpression entity, FieldCondition condition)
    {
        var property = Property(entity, condition.Field.Property);
        return condition.Operator switch
        {
            FilterOperator.Equal => Expression.Equal(property, Parameter(condition.Value, property.Type)),
            FilterOperator.In => Expression.Call(Contains, Parameter(condition.Value, typeof(IEnumerable<string>)), property),
            FilterOperator.Contains => Expression.Call(ILike, Expression.Constant(EF.Functions), property,
                Parameter(Pattern((string)condition.Value), typeof(string)), Expression.Constant("\\")),
            _ => Compare(property, Parameter(condition.Value, property.Type), condition.Operator),
        };
    }

    /// <summary>
    /// Rows after the cursor in the order. Keys all in one direction: a row comparison, <c>(name, id) &gt; ($1, $2)</c>, which
    /// the composite index serves as a range. Mixed directions: the first key strictly past it, or equal and the next key
    /// past it, and so on, with the first key's bound stated on its own too, so that its index gives where to start.
    /// </summary>
    private static Expression Keyset(ParameterExpression entity, IReadOnlyList<OrderKey> order, IReadOnlyList<object> after)
    {
        if (order.Count is > 1 and <= 7 && order.All(key => key.Descending == order[0].Descending))
        {
            var properties = order.Select(key => (Expression)Property(entity, key.Field.Property)).ToArray();
            var values = properties.Select((property, i) => (Expression)Parameter(after[i], property.Type)).ToArray();
            return Expression.Call(order[0].Descending ? RowLessThan : RowGreaterThan, Expression.Constant(EF.Functions),
                Expression.Convert(Tuple(properties), typeof(ITuple)), Expression.Convert(Tuple(values), typeof(ITuple)));
        }

        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < order.Count; i++)
        {
            var property = Property(entity, order[i].Field.Property);
            var value = Parameter(after[i], property.Type);
            var past = Compare(property, value, order[i].Descending ? FilterOperator.LessThan : FilterOperator.GreaterThan);
            var branch = i == 0 ? past : Expression.AndAlso(equalSoFar, past);
            any = any is null ? branch : Expression.OrElse(any, branch);
            equalSoFar = i == 0 ? Expression.Equal(property, value) : Expression.AndAlso(equalSoFar, Expression.Equal(property, value));
        }

        var first = Property(entity, order[0].Field.Property);
        var start = Compare(first, Parameter(after[0], first.Type), order[0].Descending ? FilterOperator.LessThanOrEqual : FilterOperator.GreaterThanOrEqual);
        return Expression.AndAlso(start, any!);
    }

    private static NewExpression Tuple(Expression[] items)
    {
        var type = System.Type.GetType($"System.ValueTuple`{items.Length}")!.MakeGenericType([.. items.Select(item => item.Type)]);
        return Expression.New(type.GetConstructor([.. items.Select(item => item.Type)])!, items);
    }

    private static BinaryExpression Compare(Expression property, Expression value, FilterOperator comparison)
    {
        if (property.Type == typeof(string))
        {
            // string.Compare(a, b) > 0 is how EF Core writes a > b for text.
            property = Expression.Call(CompareStrings, property, value);
            value = Expression.Constant(0);
        }

        return comparison switch
        {
            FilterOperator.GreaterThan => Expression.GreaterThan(property, value),
            FilterOperator.GreaterThanOrEqual => Expression.GreaterThanOrEqual(property, value),
            FilterOperator.LessThan => Expression.LessThan(property, value),
            FilterOperator.LessThanOrEqual => Expression.LessThanOrEqual(property, value),
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Not a comparison."),
        };
    }

    /// <summary>
    /// <c>search_vector @@ websearch_to_tsquery('english', q)</c>: the entity's stored text-search vector (a shadow property
    /// computed by the database from the searched properties, with a GIN index), so that no row's vector is computed
    /// per query.
    /// </summary>
    private static Expression<Func<TEntity, bool>> SearchCondition<TEntity>(ParameterExpression entity, string search)
        where TEntity : Entity
    {
        var vector = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(NpgsqlTsVector)], entity, Expression.Constant(SearchVector));
        var query = Expression.Call(WebSearchToTsQuery, Expression.Constant(EF.Functions), Expression.Constant(SearchConfiguration), Parameter(search));
        return Lambda<TEntity>(Expression.Call(Matches, vector, query), entity);
    }

    /// <summary>A <c>LIKE</c> pattern that finds <paramref name="text"/> anywhere, its <c>%</c>, <c>_</c> and <c>\</c> taken literally.</summary>
    public static string Pattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static MemberExpression Property(ParameterExpression entity, string name) => Expression.Property(entity, name);

    /// <summary>A value EF Core sends as a parameter (a captured variable), not inlined in the SQL text.</summary>
    private static MemberExpression Parameter(object value, Type? type = null)
    {
        // A whole number is read as a long; an int or short property compares with its own type.
        if (type is not null && (Nullable.GetUnderlyingType(type) ?? type) is var target && target.IsPrimitive && value.GetType() != target && value is IConvertible)
        {
            value = Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }

        var holder = Activator.CreateInstance(typeof(Captured<>).MakeGenericType(type ?? value.GetType()), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(Captured<object>.Value));
    }

    private static Expression<Func<TEntity, bool>> Lambda<TEntity>(Expression body, ParameterExpression entity) =>
        Expression.Lambda<Func<TEntity, bool>>(body, entity);

    private sealed class Captured<T>(T value)
    {
        public T Value { get; } = value;
    }
}
