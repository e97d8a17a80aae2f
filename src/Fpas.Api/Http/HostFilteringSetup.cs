using Microsoft.AspNetCore.HostFiltering;

namespace Fpas.Api.Http;

/// <summary>
/// <c>AllowedHosts</c> checked inside the app's pipeline, so that a refused <c>Host</c> is a 400 problem like every
/// other error: the host adds its own host filtering ahead of everything, answering an HTML page.
/// </summary>
public static class HostFilteringSetup
{
    public static IServiceCollection AddHostFilteringInPipeline(this IServiceCollection services)
    {
        // The web host's defaults register HostFilteringStartupFilter (internal), which runs before any middleware.
        var hostDefault = services.Where(descriptor => descriptor.ServiceType == typeof(IStartupFilter)
            && descriptor.ImplementationType?.Name == "HostFilteringStartupFilter").ToList();
        foreach (var descriptor in hostDefault)
        {
            services.Remove(descriptor);
        }

        // An empty 400, which the status code pages turn into a problem.
        return services.PostConfigure<HostFilteringOptions>(options => options.IncludeFailureMessage = false);
    }
}
