using System.Linq.Expressions;
using System.Reflection;
using Fpas.Application.Common.Models;
using Fpas.Domain.Common;

namespace Fpas.Application.Common.Persistence;

/// <summary>
/// A partial update: the properties to set and their new values. The repository writes exactly these
/// columns in one statement and returns the stored row, so an update needs no prior read.
/// </summary>
public sealed class EntityPatch<TEntity>
    where TEntity : Entity
{
    private readonly List<PropertyValue> _values = [];

    /// <summary>The assignments, one per property, in the order they were first set.</summary>
    public IReadOnlyList<PropertyValue> Values => _values;

    public bool IsEmpty => _values.Count == 0;

    /// <summary>Sets <paramref name="property"/> (written <c>entity =&gt; entity.Name</c>) to <paramref name="value"/>.</summary>
    public EntityPatch<TEntity> Set<TValue>(Expression<Func<TEntity, TValue>> property, TValue value)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.Body is not MemberExpression { Member: PropertyInfo info, Expression: ParameterExpression }
            || info.Name == nameof(Entity.Id))
        {
            throw new ArgumentException($"Expected a property of {typeof(TEntity).Name} other than its id, like entity => entity.Name.", nameof(property));
        }

        return Set(new PropertyValue(info.Name, value));
    }

    /// <summary>Sets a property by name: for the generic layers (audit columns, soft delete), which know no entity type.</summary>
    public EntityPatch<TEntity> Set(PropertyValue assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var existing = _values.FindIndex(candidate => candidate.PropertyName == assignment.PropertyName);
        if (existing >= 0)
        {
            _values[existing] = assignment;
        }
        else
        {
            _values.Add(assignment);
        }

        return this;
    }

    /// <summary>Sets <paramref name="property"/> only when the client sent a value for it.</summary>
    public EntityPatch<TEntity> SetWhenPresent<TValue>(Expression<Func<TEntity, TValue>> property, Optional<TValue> value) =>
        value.HasValue ? Set(property, value.Value) : this;
}
