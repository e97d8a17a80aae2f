using Fpas.IntegrationTests.Zoo.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>The app's model plus the zoo's entity types, as a team's own configurations would add them.</summary>
public sealed class ZooModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ZooModelCustomizer).Assembly,
            type => type.Namespace == typeof(ZooOwned).Namespace);
        base.Customize(modelBuilder, context);
    }
}
