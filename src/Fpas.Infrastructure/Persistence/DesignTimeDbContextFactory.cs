using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fpas.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the API.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
            ?? "Host=localhost;Port=5432;Database=fpas;Username=postgres";
        return new AppDbContext(AppDbContext.CreateOptions(connectionString));
    }
}
