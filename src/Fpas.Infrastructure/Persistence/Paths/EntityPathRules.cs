using System.Reflection;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>
/// The two questions asked of every entity type at start-up (ADR 10): can the generic repository serve it at all
/// (<see cref="WhyRefused"/>), and is it inside the set the single-statement path writes exactly as EF Core would
/// (<see cref="WhyNotSingleStatement"/>). Each answers null, or the reason in a few words.
/// </summary>
internal static class EntityPathRules
{
    /// <summary>Why the repository cannot serve <paramref name="entityType"/> on any path; null when it can.</summary>
    public static string? WhyRefused(IEntityType entityType)
    {
        if (entityType.FindPrimaryKey()?.Properties is not [{ Name: nameof(Entity.Id) }])
        {
            return $"its key is not the single property {nameof(Entity.Id)}";
        }

        if (entityType.GetTableName() is null)
        {
            return "it is not mapped to a table (a view, SQL query or function cannot be written)";
        }

        var version = entityType.FindProperty(nameof(Entity.Version));
        if (version is not { IsConcurrencyToken: true, ValueGenerated: ValueGenerated.OnAddOrUpdate } || version.GetColumnName() != "xmin")
        {
            return $"{nameof(Entity.Version)} is not mapped as the xmin row version (ADR 14)";
        }

        if (SpansTables(entityType) && VersionAnchor(entityType) is null)
        {
            return "it spans several tables, and its version's table has no column an update could write to change the version";
        }

        return WhyDiscriminatorIsLost(entityType);
    }

    /// <summary>Whether <paramref name="entityType"/>'s columns lie in more than one table (TPT, entity splitting).</summary>
    public static bool SpansTables(IEntityType entityType) =>
        entityType.GetTableMappings().Select(mapping => mapping.Table).Distinct().Skip(1).Any();

    /// <summary>
    /// A property in the table that holds the version, which an update of an entity type spread over several tables (TPT,
    /// entity splitting) also writes, so that every update changes the version and is checked against it; null when none.
    /// </summary>
    public static IProperty? VersionAnchor(IEntityType entityType)
    {
        var versionTable = entityType.FindProperty(nameof(Entity.Version))?.GetTableColumnMappings().FirstOrDefault()?.Column.Table;
        return entityType.GetProperties().FirstOrDefault(property =>
            property is { IsConcurrencyToken: false, ValueGenerated: ValueGenerated.Never }
            && !property.IsKey() && !property.IsShadowProperty()
            && property.GetAfterSaveBehavior() == PropertySaveBehavior.Save
            && property.GetTableColumnMappings().Any(mapping => mapping.Column.Table == versionTable));
    }

    /// <summary>
    /// A CLR discriminator that a new instance already holds a value in (<c>string Kind = ""</c>): EF Core stores that
    /// value instead of the type's discriminator, and the row is then invisible to its own type.
    /// </summary>
    private static string? WhyDiscriminatorIsLost(IEntityType entityType)
    {
        if (entityType.FindDiscriminatorProperty() is not { PropertyInfo: { } discriminator } || entityType.ClrType.IsAbstract
            || entityType.ClrType.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is not { } constructor)
        {
            return null;
        }

        var initial = discriminator.GetValue(constructor.Invoke(null));
        return initial is null || Equals(initial, entityType.GetDiscriminatorValue())
            ? null
            : $"its discriminator {discriminator.Name} starts as '{initial}' in a new instance, so EF Core would store that instead of '{entityType.GetDiscriminatorValue()}' (leave it null)";
    }

    /// <summary>
    /// Why <paramref name="entityType"/> needs EF Core's own path; null when it is a flat row the single-statement path
    /// writes and reads exactly as EF would: one table, no inheritance, no owned, complex or related types, no query
    /// filter, no other concurrency token, every column a settable CLR member, built by a parameterless constructor.
    /// </summary>
    public static string? WhyNotSingleStatement(IEntityType entityType)
    {
        if (entityType.BaseType is not null || entityType.GetDirectlyDerivedTypes().Any())
        {
            return "inheritance";
        }

        if (entityType.GetMappingFragments().Any() || entityType.GetTableMappings().Count() != 1
            || entityType.GetViewName() is not null || entityType.GetSqlQuery() is not null || entityType.GetFunctionName() is not null)
        {
            return "mapped to more than one table or to a view";
        }

        if (entityType.GetNavigations().Any() || entityType.GetSkipNavigations().Any())
        {
            return "owned or related entity types";
        }

        if (entityType.GetComplexProperties().Any())
        {
            return "complex properties";
        }

        if (entityType.GetServiceProperties().Any())
        {
            return "service properties";
        }

        if (entityType.GetDeclaredQueryFilters().Count > 0)
        {
            return "a query filter";
        }

        if (entityType.ClrType.IsAbstract || entityType.ClrType.GetConstructor(Type.EmptyTypes) is null
            || entityType.ConstructorBinding is { ParameterBindings.Count: > 0 })
        {
            return "no public parameterless constructor EF Core binds to";
        }

        foreach (var property in entityType.GetProperties())
        {
            if (WhyNotSingleStatement(property) is { } reason)
            {
                return $"{property.Name}: {reason}";
            }
        }

        return null;
    }

    private static string? WhyNotSingleStatement(IProperty property)
    {
        if (property.IsShadowProperty())
        {
            // A column the database computes (a stored search vector) is neither written nor read by the CLR type: EF
            // keeps it only in shadow state, so leaving it out of the statements leaves the entity as EF would.
            return property.GetComputedColumnSql() is not null && property.ValueGenerated == ValueGenerated.OnAddOrUpdate
                ? null
                : "a shadow property";
        }

        if (property.IsConcurrencyToken && property.Name != nameof(Entity.Version))
        {
            return "a concurrency token other than the version";
        }

        if (property.PropertyInfo is not { CanWrite: true } && property.FieldInfo is null)
        {
            return "no settable member";
        }

        var storeType = property.GetColumnType();
        return storeType is "json" or "jsonb" && property.ClrType != typeof(string)
            ? "an object mapped to a JSON column"
            : null;
    }
}
