using Fpas.Application.Common.Auditing;
using Fpas.Application.Common.Persistence;
using Fpas.Application.Common.Querying;
using Fpas.Infrastructure.Idempotency;
using Fpas.Infrastructure.Persistence;
using Fpas.Infrastructure.Persistence.Paths;
using Fpas.Infrastructure.Persistence.SoftDelete;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fpas.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// PostgreSQL through EF Core, the generic repository, idempotency keys, migrations and the readiness check.
    /// <paramref name="configureContext"/> adds to the context's options (interceptors, for one), after the app's own.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, Action<DbContextOptionsBuilder>? configureContext = null)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                configuration.GetSection(DatabaseOptions.SectionName).Bind(options);
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
            })
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString), DatabaseOptions.MissingConnectionStringMessage)
            .ValidateOnStart();

        services.AddSingleton(provider =>
            DataSourceFactory.Create(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddDbContextPool<AppDbContext>((provider, options) =>
        {
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()).UseSnakeCaseNamingConvention();
            configureContext?.Invoke(options);
        });

        services.AddSingleton(provider =>
        {
            using var scope = provider.CreateScope();
            return new EntityPaths(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.WritePath,
                provider.GetServices<ListFields>(),
                provider.GetRequiredService<ILogger<EntityPaths>>());
        });
        services.AddHostedService<EntityPathsCheck>();
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.SectionName)
            .Validate(options => options.Retention > TimeSpan.Zero && options.CleanupInterval > TimeSpan.Zero && options.CleanupBatchSize > 0,
                "Idempotency:Retention and Idempotency:CleanupInterval must be positive durations and Idempotency:CleanupBatchSize a positive number.")
            .ValidateOnStart();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<IdempotencyKeyCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotencyKeyCleanup>());
        services.TryAddSingleton<ICurrentUser, NoRequestUser>();
        services.AddOptions<SoftDeleteOptions>()
            .BindConfiguration(SoftDeleteOptions.SectionName)
            .Validate(options => options.Retention > TimeSpan.Zero && options.PurgeInterval > TimeSpan.Zero && options.PurgeBatchSize > 0,
                "SoftDelete:Retention and SoftDelete:PurgeInterval must be positive durations and SoftDelete:PurgeBatchSize a positive number.")
            .ValidateOnStart();
        services.AddSingleton<SoftDeletePurge>();
        services.AddHostedService(provider => provider.GetRequiredService<SoftDeletePurge>());
        services.AddHostedService<DatabaseMigrator>();

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("postgresql", HealthStatus.Unhealthy, [HealthCheckTags.Ready]);

        return services;
    }
}
