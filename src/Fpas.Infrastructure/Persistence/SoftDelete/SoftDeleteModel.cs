using System.Linq.Expressions;
using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fpas.Infrastructure.Persistence.SoftDelete;

/// <summary>
/// What every <see cref="ISoftDeletable"/> entity type gets in the model (ADR 19): the named query filter
/// <see cref="FilterName"/> (<c>deleted_at IS NULL</c>), which reads lift by name so a team's other filters stay on; and
/// its unique indexes made partial (live rows only), so that a deleted row's unique value can be taken again.
/// </summary>
public static class SoftDeleteModel
{
    public const string FilterName = "SoftDelete";

    public static void Apply(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(IsSoftDeletableRoot).ToList())
        {
            var entity = Expression.Parameter(entityType.ClrType, "entity");
            var live = Expression.Lambda(
                Expression.Equal(Expression.Property(entity, nameof(ISoftDeletable.DeletedAt)), Expression.Constant(null, typeof(DateTimeOffset?))),
                entity);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(FilterName, live);

            var deletedAt = $"\"{entityType.FindProperty(nameof(ISoftDeletable.DeletedAt))!.GetColumnName()}\" IS NULL";
            foreach (var index in entityType.GetIndexes().Where(index => index.IsUnique && index.GetFilter() is null))
            {
                index.SetFilter(deletedAt);
            }
        }
    }

    public static bool IsSoftDeletableRoot(IReadOnlyEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return entityType.BaseType is null && !entityType.IsOwned() && entityType.ClrType.IsAssignableTo(typeof(ISoftDeletable));
    }
}
