using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Fpas.Application.Common.Concurrency;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>
/// <c>INSERT</c>, <c>UPDATE</c> and <c>DELETE ... RETURNING</c>, and <c>SELECT</c> by key, for one entity type, built from the EF model
/// (table, column names, type mappings and value converters, store-generated values, the version column), so
/// that every write is one round trip that returns the stored row (ADR 10). Values become positional parameters
/// (<c>$1</c>, <c>$2</c>, ...) typed by the property's type mapping; <see cref="Rows"/> reads the returned row.
/// </summary>
internal sealed class ReturningStatements
{
    /// <summary>Statement shapes kept per entity type; past this many (a client can send any number of
    /// <c>If-Match</c> versions) a statement's text is built for its request only.</summary>
    internal const int MaxCachedShapes = 256;

    private const int InsertKind = 0;
    private const int UpdateKind = 1;
    private const int DeleteKind = 2;

    /// <summary>Compares two statements' shapes element by element.</summary>
    private static readonly EqualityComparer<int[]> SameShape = EqualityComparer<int[]>.Create(
        (left, right) => left.AsSpan().SequenceEqual(right),
        shape =>
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(shape.AsSpan()));
            return hash.ToHashCode();
        });

    private readonly string _table;
    private readonly IProperty _key;
    private readonly string _keyColumn;
    private readonly IProperty _version;
    private readonly string _versionColumn;
    private readonly string _returning;
    private readonly string _selectById;
    private readonly (IProperty Property, string Column)[] _insertable;
    private readonly (IProperty Property, string Column)[] _updatable;
    private readonly Dictionary<string, int> _updatableByName;
    private readonly ConcurrentDictionary<int[], string> _texts = new(SameShape);

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

        // A shadow property here is a column the database computes (EntityPathRules): not the CLR entity's to read or write.
        var mapped = entityType.GetProperties().Where(property => property.GetColumnName(table) is not null && !property.IsShadowProperty()).ToList();

        // Named columns, not *: the version is a system column that * leaves out.
        var columns = string.Join(", ", mapped.Select(Column));
        _returning = " RETURNING " + columns;
        _selectById = $"SELECT {columns} FROM {_table} WHERE {_keyColumn} = $1";
        Rows = new RowReader(entityType, mapped);

        // As EF inserts: what the store generates on add is sent only when the entity holds another value than the sentinel.
        _insertable = mapped
            .Where(property => property.ValueGenerated is ValueGenerated.Never or ValueGenerated.OnAdd)
            .Select(property => (property, Column(property)))
            .ToArray();

        _updatable = mapped
            .Where(property => !property.IsPrimaryKey() && !property.IsConcurrencyToken)
            .Select(property => (property, Column(property)))
            .ToArray();
        _updatableByName = _updatable
            .Select((updatable, index) => (updatable.Property.Name, index))
            .ToDictionary(pair => pair.Name, pair => pair.index, StringComparer.Ordinal);
    }

    /// <summary>Materializes the rows these statements return.</summary>
    public RowReader Rows { get; }

    /// <summary>Reads the row with key <paramref name="id"/>.</summary>
    public RowStatement SelectById(long id) => new(_selectById, [(_key, id)]);

    /// <summary>Inserts <paramref name="entity"/> and returns the stored row (generated key, defaults, version).</summary>
    public RowStatement Insert(Entity entity)
    {
        var parameters = new List<(IProperty, object?)>(_insertable.Length);
        var shape = new int[_insertable.Length + 1];
        shape[0] = InsertKind;
        for (var i = 0; i < _insertable.Length; i++)
        {
            var property = _insertable[i].Property;
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (property.ValueGenerated == ValueGenerated.OnAdd && Equals(value, property.Sentinel))
            {
                continue;
            }

            parameters.Add((property, value));
            shape[i + 1] = 1;
        }

        return new RowStatement(Text(shape), parameters);
    }

    /// <summary>Sets the patch's columns on the row with key <paramref name="id"/>, if <paramref name="condition"/> holds, and returns the row.</summary>
    public RowStatement Update(long id, IReadOnlyList<PropertyValue> values, VersionCondition condition)
    {
        // Columns are set in the model's order, whatever the patch's: one text per set of columns.
        var assigned = new object?[_updatable.Length];
        var shape = new int[_updatable.Length + 2];
        shape[0] = UpdateKind;
        shape[1] = VersionCount(condition);
        for (var i = 0; i < values.Count; i++)
        {
            var (propertyName, value) = values[i];
            if (!_updatableByName.TryGetValue(propertyName, out var index))
            {
                throw new ArgumentException($"'{propertyName}' is not a mapped, writable property.", nameof(values));
            }

            assigned[index] = value;
            shape[index + 2] = 1;
        }

        var parameters = new List<(IProperty, object?)>(values.Count + 1 + Math.Max(shape[1], 0));
        for (var i = 0; i < _updatable.Length; i++)
        {
            if (shape[i + 2] == 1)
            {
                parameters.Add((_updatable[i].Property, assigned[i]));
            }
        }

        AddWhereParameters(parameters, id, condition);
        return new RowStatement(Text(shape), parameters);
    }

    /// <summary>Deletes the row with key <paramref name="id"/>, if <paramref name="condition"/> holds, and returns it.</summary>
    public RowStatement Delete(long id, VersionCondition condition)
    {
        var parameters = new List<(IProperty, object?)>(1 + (condition.Versions?.Count ?? 0));
        AddWhereParameters(parameters, id, condition);
        return new RowStatement(Text([DeleteKind, VersionCount(condition)]), parameters);
    }

    /// <summary>The text of a statement of this <paramref name="shape"/> (its kind, then what varies: the columns sent,
    /// the number of versions in the condition), built once per shape up to <see cref="MaxCachedShapes"/>.</summary>
    private string Text(int[] shape)
    {
        if (_texts.TryGetValue(shape, out var text))
        {
            return text;
        }

        text = shape[0] switch
        {
            InsertKind => InsertSql(shape),
            UpdateKind => UpdateSql(shape),
            DeleteKind => DeleteSql(shape),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape[0], "Unknown statement kind."),
        };
        return _texts.Count < MaxCachedShapes ? _texts.GetOrAdd(shape, text) : text;
    }

    private string InsertSql(int[] shape)
    {
        var columns = _insertable.Where((_, i) => shape[i + 1] == 1).Select(insertable => insertable.Column).ToList();
        return columns.Count == 0
            ? $"INSERT INTO {_table} DEFAULT VALUES{_returning}"
            : $"INSERT INTO {_table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => Parameter(i + 1)))}){_returning}";
    }

    private string UpdateSql(int[] shape)
    {
        var columns = _updatable.Where((_, i) => shape[i + 2] == 1).Select(updatable => updatable.Column).ToList();
        var sql = new StringBuilder("UPDATE ").Append(_table).Append(" SET ")
            .AppendJoin(", ", columns.Select((column, i) => $"{column} = {Parameter(i + 1)}"));
        return AppendWhere(sql, columns.Count, shape[1]).Append(_returning).ToString();
    }

    private string DeleteSql(int[] shape) =>
        AppendWhere(new StringBuilder("DELETE FROM ").Append(_table), 0, shape[1]).Append(_returning).ToString();

    /// <summary>The key's parameter follows the <paramref name="before"/> ones, then one per accepted version
    /// (<paramref name="versions"/> -1: any version).</summary>
    private StringBuilder AppendWhere(StringBuilder sql, int before, int versions)
    {
        sql.Append(" WHERE ").Append(_keyColumn).Append(" = ").Append(Parameter(before + 1));
        return versions switch
        {
            < 0 => sql,
            0 => sql.Append(" AND false"),
            _ => sql.Append(" AND ").Append(_versionColumn).Append(" IN (")
                .AppendJoin(", ", Enumerable.Range(before + 2, versions).Select(Parameter)).Append(')'),
        };
    }

    private void AddWhereParameters(List<(IProperty, object?)> parameters, long id, VersionCondition condition)
    {
        parameters.Add((_key, id));
        for (var i = 0; i < condition.Versions?.Count; i++)
        {
            parameters.Add((_version, condition.Versions[i]));
        }
    }

    private static int VersionCount(VersionCondition condition) => condition.Versions?.Count ?? -1;

    private static string Parameter(int number) => "$" + number.ToString(CultureInfo.InvariantCulture);
}
