using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fpas.Infrastructure.Persistence;

/// <summary>
/// <c>INSERT</c>, <c>UPDATE</c> and <c>DELETE ... RETURNING</c>, and <c>SELECT</c> by key, for one entity type, built from the EF model
/// (table, column names, type mappings and value converters, store-generated values, the version column), so
/// that every write is one round trip that returns the stored row (ADR 10). Values become positional parameters
/// (<c>$1</c>, <c>$2</c>, ...) typed by the property's type mapping; <see cref="Rows"/> reads the returned row.
/// </summary>
internal sealed class ReturningStatements
{
    /// <summary>Compares which columns two inserts send.</summary>
    private static readonly EqualityComparer<bool[]> SameColumns = EqualityComparer<bool[]>.Create(
        (left, right) => left.AsSpan().SequenceEqual(right),
        sent =>
        {
            var hash = new HashCode();
            foreach (var column in sent)
            {
                hash.Add(column);
            }

            return hash.ToHashCode();
        });

    private readonly string _table;
    private readonly IProperty _key;
    private readonly string _keyColumn;
    private readonly IProperty _version;
    private readonly string _versionColumn;
    private readonly string _returning;
    private readonly string? _selectById;
    private readonly (IProperty Property, string Column)[] _insertable;
    private readonly Dictionary<string, (IProperty Property, string Column)> _updatable;
    private readonly ConcurrentDictionary<bool[], string> _inserts = new(SameColumns);

    public ReturningStatements(IEntityType entityType, ISqlGenerationHelper sql)
    {
        var tableName = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        _table = sql.DelimitIdentifier(tableName, entityType.GetSchema());
        string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);

        _key = entityType.FindPrimaryKey()?.Properties is [var keyProperty]
            ? keyProperty
            : throw new InvalidOperationException($"{entityType.DisplayName()} needs a single-column primary key.");
        _keyColumn = Column(_key);

        _version = entityType.FindProperty(nameof(Entity.Version))
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no version property.");
        _versionColumn = Column(_version);

        var mapped = entityType.GetProperties().Where(property => property.GetColumnName(table) is not null).ToList();

        // Named columns, not *: the version is a system column that * leaves out.
        var columns = string.Join(", ", mapped.Select(Column));
        _returning = " RETURNING " + columns;
        // A query filter (soft delete, tenant) must restrict reads: only EF's own queries apply it.
        _selectById = entityType.GetRootType().GetDeclaredQueryFilters().Count == 0
            ? $"SELECT {columns} FROM {_table} WHERE {_keyColumn} = $1"
            : null;
        Rows = new RowReader(entityType, mapped);

        // As EF inserts: what the store generates on add is sent only when the entity holds another value than the sentinel.
        _insertable = mapped
            .Where(property => property.ValueGenerated is ValueGenerated.Never or ValueGenerated.OnAdd)
            .Select(property => (property, Column(property)))
            .ToArray();

        _updatable = mapped
            .Where(property => !property.IsPrimaryKey() && !property.IsConcurrencyToken)
            .ToDictionary(property => property.Name, property => (property, Column(property)), StringComparer.Ordinal);
    }

    /// <summary>Materializes the rows these statements return.</summary>
    public RowReader Rows { get; }

    /// <summary>Reads the row with key <paramref name="id"/>; null when the entity type has a query filter, which
    /// only EF's own queries apply.</summary>
    public RowStatement? SelectById(long id) => _selectById is null ? null : new(_selectById, [(_key, id)]);

    /// <summary>Inserts <paramref name="entity"/> and returns the stored row (generated key, defaults, version).</summary>
    public RowStatement Insert(Entity entity)
    {
        var parameters = new List<(IProperty, object?)>(_insertable.Length);
        var sent = new bool[_insertable.Length];
        for (var i = 0; i < _insertable.Length; i++)
        {
            var property = _insertable[i].Property;
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (property.ValueGenerated == ValueGenerated.OnAdd && Equals(value, property.Sentinel))
            {
                continue;
            }

            parameters.Add((property, value));
            sent[i] = true;
        }

        // The text depends only on which columns are sent: built once per such set.
        return new RowStatement(_inserts.GetOrAdd(sent, static (sent, self) => self.InsertSql(sent), this), parameters);
    }

    private string InsertSql(bool[] sent)
    {
        var columns = _insertable.Where((_, i) => sent[i]).Select(insertable => insertable.Column).ToList();
        return columns.Count == 0
            ? $"INSERT INTO {_table} DEFAULT VALUES{_returning}"
            : $"INSERT INTO {_table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))}){_returning}";
    }

    /// <summary>Sets the patch's columns on the row with key <paramref name="id"/>, if <paramref name="condition"/> holds, and returns the row.</summary>
    public RowStatement Update(long id, IReadOnlyList<PropertyValue> values, VersionCondition condition)
    {
        var sql = new StringBuilder("UPDATE ").Append(_table).Append(" SET ");
        var parameters = new List<(IProperty, object?)>(values.Count + 2);
        for (var i = 0; i < values.Count; i++)
        {
            var (propertyName, value) = values[i];
            if (!_updatable.TryGetValue(propertyName, out var column))
            {
                throw new ArgumentException($"'{propertyName}' is not a mapped, writable property.", nameof(values));
            }

            parameters.Add((column.Property, value));
            sql.Append(i == 0 ? string.Empty : ", ").Append(column.Column).Append(CultureInfo.InvariantCulture, $" = ${parameters.Count}");
        }

        AppendWhere(sql, parameters, id, condition);
        return new RowStatement(sql.Append(_returning).ToString(), parameters);
    }

    /// <summary>Deletes the row with key <paramref name="id"/>, if <paramref name="condition"/> holds, and returns it.</summary>
    public RowStatement Delete(long id, VersionCondition condition)
    {
        var sql = new StringBuilder("DELETE FROM ").Append(_table);
        var parameters = new List<(IProperty, object?)>(2);
        AppendWhere(sql, parameters, id, condition);
        return new RowStatement(sql.Append(_returning).ToString(), parameters);
    }

    private void AppendWhere(StringBuilder sql, List<(IProperty, object?)> parameters, long id, VersionCondition condition)
    {
        parameters.Add((_key, id));
        sql.Append(" WHERE ").Append(_keyColumn).Append(CultureInfo.InvariantCulture, $" = ${parameters.Count}");
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
            parameters.Add((_version, versions[i]));
            sql.Append(i == 0 ? "$" : ", $").Append(parameters.Count.ToString(CultureInfo.InvariantCulture));
        }

        sql.Append(')');
    }
}
