using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fpas.Infrastructure.Persistence.Paths;

/// <summary>Decides every entity type's path when the app starts, before migrations and before any request (ADR 10).</summary>
internal sealed class EntityPathsCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<EntityPaths>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
