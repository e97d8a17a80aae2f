using System.Globalization;
using System.Text;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// <c>UPDATE ... RETURNING</c> and <c>DELETE ... RETURNING</c> for one entity type, built from the EF model
/// (table, column names, value converters, the version column), so that a partial or conditional write is one
/// round trip. The SQL uses <c>{n}</c> placeholders for <c>FromSqlRaw</c>, which turns the values into parameters.
/// </summary>
internal sealed class ReturningStatements
{
    private readonly string _table;
    private readonly string _keyColumn;
    private readonly string _versionColumn;
    private readonly string _returning;
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

        var version = entityType.FindProperty(nameof(Entity.Version))
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no version property.");
        _versionColumn = sql.DelimitIdentifier(version.GetColumnName(table)!);

        var mapped = entityType.GetProperties().Where(property => property.GetColumnName(table) is not null).ToList();

        // Named columns, not *: the version is a system column that * leaves out.
        _returning = " RETURNING " + string.Join(", ", mapped.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)));

        _columns = mapped
            .Where(property => !property.IsPrimaryKey() && !property.IsConcurrencyToken)
            .ToDictionary(
                property => property.Name,
                property => (sql.DelimitIdentifier(property.GetColumnName(table)!), property.GetTypeMapping().Converter),
                StringComparer.Ordinal);
    }

    /// <summary>Sets the patch's columns on the row with key <paramref name="id"/>, if <paramref name="condition"/> holds, and returns the row.</summary>
    public (string Sql, object?[] Parameters) Update(long id, IReadOnlyList<PropertyValue> values, VersionCondition condition)
    {
        var sql = new StringBuilder("UPDATE ").Append(_table).Append(" SET ");
        var parameters = new List<object?>(values.Count + 2);
        for (var i = 0; i < values.Count; i++)
        {
            var (propertyName, value) = values[i];
            if (!_columns.TryGetValue(propertyName, out var column))
            {
                throw new ArgumentException($"'{propertyName}' is not a mapped, writable property.", nameof(values));
            }

            sql.Append(i == 0 ? string.Empty : ", ").Append(column.Column).Append(CultureInfo.InvariantCulture, $" = {{{i}}}");
            parameters.Add(value is null || column.Converter is null ? value : column.Converter.ConvertToProvider(value));
        }

        AppendWhere(sql, parameters, id, condition);
        return (sql.Append(_returning).ToString(), parameters.ToArray());
    }

    /// <summary>Deletes the row with key <paramref name="id"/>, if <paramref name="condition"/> holds, and returns it.</summary>
    public (string Sql, object?[] Parameters) Delete(long id, VersionCondition condition)
    {
        var sql = new StringBuilder("DELETE FROM ").Append(_table);
        var parameters = new List<object?>(2);
        AppendWhere(sql, parameters, id, condition);
        return (sql.Append(_returning).ToString(), parameters.ToArray());
    }

    private void AppendWhere(StringBuilder sql, List<object?> parameters, long id, VersionCondition condition)
    {
        sql.Append(" WHERE ").Append(_keyColumn).Append(CultureInfo.InvariantCulture, $" = {{{parameters.Count}}}");
        parameters.Add(id);
        if (condition.Versions is not { } versions)
        {
            return;
        }

        if (versions.Count == 0)
        {
            sql.Append(" AND false");
            return;
        }

        sql.Append(" AND ").Append(_versionColumn).Append(" IN (");
        for (var i = 0; i < versions.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"{{{parameters.Count}}}");
            parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Xid, Value = versions[i] });
        }

        sql.Append(')');
    }
}
