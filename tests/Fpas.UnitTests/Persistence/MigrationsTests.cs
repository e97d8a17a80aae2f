using Fpas.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Fpas.UnitTests.Persistence;

public sealed class MigrationsTests
{
    /// <summary>
    /// A change to an entity or its configuration without a migration would reach PostgreSQL only as a runtime error;
    /// this compares the model with the snapshot of the last migration (no database needed).
    /// </summary>
    [Test]
    public void TheModel_MatchesTheLastMigration()
    {
        using var context = new AppDbContext(AppDbContext.CreateOptions("Host=localhost;Database=unused"));

        Assert.That(context.Database.HasPendingModelChanges(), Is.False,
            "the model differs from the migrations: add one (README \"Adding a resource\", dotnet ef migrations add)");
    }
}
