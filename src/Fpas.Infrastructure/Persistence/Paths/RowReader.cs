using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>
/// Materializes one entity from a row whose columns are the entity's mapped properties, in order: a delegate
/// compiled once per entity type from the EF model (the provider type each column is read as, value converters,
/// nullability), so reading a returned row costs what hand-written <c>GetFieldValue</c> calls cost.
/// </summary>
internal sealed class RowReader
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;
    private static readonly MethodInfo IsDbNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull))!;

    private readonly Func<DbDataReader, object> _read;

    public RowReader(IEntityType entityType, IReadOnlyList<IProperty> columns)
    {
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var constructor = entityType.ClrType.GetConstructor(Type.EmptyTypes)
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} needs a parameterless constructor to be read from a returned row.");
        var bindings = columns.Select((property, ordinal) => Expression.Bind(Member(property), Value(property, reader, ordinal)));
        _read = Expression.Lambda<Func<DbDataReader, object>>(
            Expression.Convert(Expression.MemberInit(Expression.New(constructor), bindings), typeof(object)), reader).Compile();
    }

    /// <summary>The entity in the reader's current row.</summary>
    public TEntity Read<TEntity>(DbDataReader reader) => (TEntity)_read(reader);

    private static MemberInfo Member(IProperty property) =>
        property.PropertyInfo is { CanWrite: true } writable ? writable
        : (MemberInfo?)property.FieldInfo
          ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no settable member.");

    private static Expression Value(IProperty property, ParameterExpression reader, int ordinal)
    {
        var converter = property.GetRelationalTypeMapping().Converter;
        var providerType = converter?.ProviderClrType ?? property.ClrType;
        var readType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        Expression value = Expression.Call(reader, GetFieldValue.MakeGenericMethod(readType), Expression.Constant(ordinal));
        if (converter is not null)
        {
            var fromProvider = converter.ConvertFromProviderExpression;
            value = Expression.Invoke(fromProvider, Expression.Convert(value, fromProvider.Parameters[0].Type));
        }

        value = Expression.Convert(value, property.ClrType);
        return property.IsNullable
            ? Expression.Condition(Expression.Call(reader, IsDbNull, Expression.Constant(ordinal)), Expression.Default(property.ClrType), value)
            : value;
    }
}
