using Fpas.Application;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Fpas.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fpas.IntegrationTests.Support;

/// <summary>Base of repository tests: the repositories as Infrastructure registers them, on the run's database.</summary>
public abstract class RepositoryTest : DatabaseTest
{
    private readonly List<AsyncServiceScope> _scopes = [];
    private ServiceProvider _services = null!;

    [SetUp]
    public void CreateServices() => _services = CreateServices(TestDatabase.ConnectionString);

    [TearDown]
    public async Task DisposeServicesAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        _scopes.Clear();
        await _services.DisposeAsync();
    }

    /// <summary>A repository in a new scope (its own DbContext), as one request would have.</summary>
    protected IRepository<TEntity> NewRepository<TEntity>()
        where TEntity : Entity => NewRepository<TEntity>(_services);

    protected IRepository<TEntity> NewRepository<TEntity>(IServiceProvider services)
        where TEntity : Entity
    {
        var scope = services.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<IRepository<TEntity>>();
    }

    /// <summary>The repositories' services on <paramref name="connectionString"/>; <paramref name="configureContext"/> adds to the context's options.</summary>
    public static ServiceProvider CreateServices(string connectionString, Action<DbContextOptionsBuilder>? configureContext = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddMetrics()
            .AddApplication()
            .AddInfrastructure(configureContext)
            .BuildServiceProvider();
    }
}
