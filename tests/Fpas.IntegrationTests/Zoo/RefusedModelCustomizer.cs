using Fpas.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>The app's model plus entity types the repository cannot serve: a composite key, a view, a discriminator a new instance already fills.</summary>
public sealed class RefusedModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<RefusedCompositeKey>().ToTable("refused_composite_key").HasKey(entity => new { entity.Id, entity.Tenant });
        modelBuilder.Entity<RefusedView>().ToView("refused_view");
        modelBuilder.Entity<RefusedShape>().ToTable("refused_shape")
            .HasDiscriminator(shape => shape.Kind).HasValue<RefusedShape>("shape").HasValue<RefusedCircle>("circle");
        base.Customize(modelBuilder, context);
    }

    public sealed class RefusedCompositeKey : Entity
    {
        public int Tenant { get; set; }
    }

    public sealed class RefusedView : Entity
    {
        public string Name { get; set; } = string.Empty;
    }

    public class RefusedShape : Entity
    {
        public string Kind { get; set; } = string.Empty;
    }

    public sealed class RefusedCircle : RefusedShape
    {
        public double Radius { get; set; }
    }
}
