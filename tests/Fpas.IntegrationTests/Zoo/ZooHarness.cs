using System.Text.Json;
using System.Text.Json.Nodes;
using Fpas.Application;
using Fpas.Application.Common.Persistence;
using Fpas.Domain.Common;
using Fpas.Infrastructure;
using Fpas.Infrastructure.Persistence;
using Fpas.Infrastructure.Persistence.Paths;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fpas.IntegrationTests.Zoo;

/// <summary>
/// The repositories as Infrastructure registers them, over the zoo model, with a write-path setting and interceptors;
/// and the means to check them: a plain <c>DbContext</c> of the same model, and the stored rows read with plain SQL.
/// </summary>
public sealed class ZooHarness : IAsyncDisposable
{
    private static readonly JsonSerializerOptions EntityJson = new() { WriteIndented = false };
    private readonly ServiceProvider _services;
    private readonly List<AsyncServiceScope> _scopes = [];

    public ZooHarness(string connectionString, WritePathSetting setting, params IInterceptor[] interceptors)
        : this(connectionString, setting, configureServices: null, interceptors)
    {
    }

    /// <param name="configureServices">Replaces services after the app's own (a clock, the current user).</param>
    public ZooHarness(string connectionString, WritePathSetting setting, Action<IServiceCollection>? configureServices, params IInterceptor[] interceptors)
    {
        ConnectionString = connectionString;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = connectionString,
                ["Database:WritePath"] = setting.ToString(),
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddMetrics()
            .AddApplication()
            .AddInfrastructure(options =>
            {
                options.ReplaceService<IModelCustomizer, ZooModelCustomizer>();
                if (interceptors.Length > 0)
                {
                    options.AddInterceptors(interceptors);
                }
            });
        configureServices?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public string ConnectionString { get; }

    /// <summary>Whether <typeparamref name="TEntity"/> takes the single-statement path.</summary>
    public bool TakesSingleStatementPath<TEntity>() => _services.GetRequiredService<EntityPaths>().StatementsFor(typeof(TEntity)) is not null;

    /// <summary>A repository in a new scope (its own DbContext), as one request would have.</summary>
    public IRepository<TEntity> Repository<TEntity>()
        where TEntity : Entity => NewScope().GetRequiredService<IRepository<TEntity>>();

    /// <summary>A singleton of the app's services (the purge, for one).</summary>
    public TService Service<TService>()
        where TService : notnull => _services.GetRequiredService<TService>();

    /// <summary>A context in a new scope: for the plain EF Core reference writes, and for transactions.</summary>
    public AppDbContext Context() => NewScope().GetRequiredService<AppDbContext>();

    /// <summary>A repository and the context it works on, in one new scope.</summary>
    public (IRepository<TEntity> Repository, AppDbContext Context) RepositoryWithContext<TEntity>()
        where TEntity : Entity
    {
        var scope = NewScope();
        return (scope.GetRequiredService<IRepository<TEntity>>(), scope.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Every row stored for entity <paramref name="id"/> of <typeparamref name="TEntity"/>, in each table the entity type
    /// maps to (inheritance, splitting), as JSON without the key: what two ways of writing the same entity must agree on.
    /// </summary>
    public async Task<string> RowsAsync<TEntity>(long id)
    {
        var entityType = Context().Model.FindEntityType(typeof(TEntity))!;
        var tables = entityType.GetTableMappings().Select(mapping => mapping.Table.Name).Distinct().Order(StringComparer.Ordinal);
        var rows = new JsonObject();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT coalesce(jsonb_agg(to_jsonb(t) - 'id'), '[]')::text FROM \"{table}\" t WHERE t.id = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            rows[table] = JsonNode.Parse((string)(await command.ExecuteScalarAsync())!);
        }

        return rows.ToJsonString();
    }

    /// <summary>The entity's public state as JSON, without its id and version: what a read must give back.</summary>
    public static string State(Entity? entity)
    {
        if (entity is null)
        {
            return "null";
        }

        var state = JsonSerializer.SerializeToNode(entity, entity.GetType(), EntityJson)!.AsObject();
        state.Remove(nameof(Entity.Id));
        state.Remove(nameof(Entity.Version));
        return state.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        await _services.DisposeAsync();
    }

    private IServiceProvider NewScope()
    {
        var scope = _services.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider;
    }
}
