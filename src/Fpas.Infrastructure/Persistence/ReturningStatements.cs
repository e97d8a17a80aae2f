using System.Globalization;
using System.Text;
using Fpas.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// <c>UPDATE ... RETURNING *</c> and <c>DELETE ... RETURNING *</c> for one entity type, built from the EF model
/// (table, column names, value converters), so that a partial update or a delete is one round trip.
/// The SQL uses <c>{n}</c> placeholders for <c>FromSqlRaw</c>, which turns the values into parameters.
/// </summary>
internal sealed class ReturningStatements
{
    private readonly string _table;
    private readonly string _keyColumn;
    private readonly Dictionary<string, (string Column, ValueConverter? Converter)> _columns;

    public ReturningStatements(IEntityType entityType, ISqlGenerationHelper sql)
    {
        var tableName = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        _table = sql.DelimitIdentifier(tableName, entityType.GetSchema());

        var key = entityType.FindPrimaryKey()?.Properties is [var keyProperty]
            ? keyProperty
            : throw new InvalidOperationException($"{entityType.DisplayName()} needs a single-column primary key.");
        _keyColumn = sql.DelimitIdentifier(key.GetColumnName(table)!);

        _columns = entityType.GetProperties()
            .Where(property => !property.IsPrimaryKey() && property.GetColumnName(table) is not null)
            .ToDictionary(
                property => property.Name,
                property => (sql.DelimitIdentifier(property.GetColumnName(table)!), property.GetTypeMapping().Converter),
                StringComparer.Ordinal);

        Delete = $"DELETE FROM {_table} WHERE {_keyColumn} = {{0}} RETURNING *";
    }

    /// <summary>Deletes the row whose key is the one parameter and returns it.</summary>
    public string Delete { get; }

    /// <summary>Sets the patch's columns on the row with key <paramref name="id"/> and returns the row.</summary>
    public (string Sql, object?[] Parameters) Update(long id, IReadOnlyList<PropertyValue> values)
    {
        var sql = new StringBuilder("UPDATE ").Append(_table).Append(" SET ");
        var parameters = new object?[values.Count + 1];
        for (var i = 0; i < values.Count; i++)
        {
            var (propertyName, value) = values[i];
            if (!_columns.TryGetValue(propertyName, out var column))
            {
                throw new ArgumentException($"'{propertyName}' is not a mapped, non-key property.", nameof(values));
            }

            sql.Append(i == 0 ? string.Empty : ", ").Append(column.Column).Append(CultureInfo.InvariantCulture, $" = {{{i}}}");
            parameters[i] = value is null || column.Converter is null ? value : column.Converter.ConvertToProvider(value);
        }

        parameters[values.Count] = id;
        sql.Append(" WHERE ").Append(_keyColumn).Append(CultureInfo.InvariantCulture, $" = {{{values.Count}}} RETURNING *");
        return (sql.ToString(), parameters);
    }
}
