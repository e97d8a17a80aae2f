namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary><c>Database:WritePath</c>: which path the repository may take per entity type (ADR 10).</summary>
public enum WritePathSetting
{
    /// <summary>The single-statement path for the entity types it is proven exact for, EF Core's for every other.</summary>
    Auto,

    /// <summary>EF Core's change tracker and <c>SaveChanges</c> for every entity type.</summary>
    EfCore,
}
