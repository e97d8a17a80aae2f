using Fpas.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Lifecycle;

/// <summary>Graceful stop on SIGTERM or Ctrl-C: drain, then finish every request in flight (docs/adr/0011-graceful-shutdown.md).</summary>
public static class GracefulShutdown
{
    /// <summary>Makes MVC read JSON bodies through the request stream instead of the request pipe.</summary>
    /// <remarks>
    /// On shutdown Kestrel cancels the pending read of every connection. It hides that from a body reader that
    /// consumed all it examined (a stream), not from one that examined more than it consumed, as the pipe-based
    /// JSON reader of ASP.NET Core 10 does: that reader fails, and an upload in flight got a 500 or a reset.
    /// </remarks>
    public const string StreamBasedJsonSwitch = "Microsoft.AspNetCore.UseStreamBasedJsonParsing";

    /// <summary>The host reads only <c>shutdownTimeoutSeconds</c> by itself; this section gives <c>HostOptions:ShutdownTimeout</c>.</summary>
    public const string HostOptionsSection = "HostOptions";

    public static IHostApplicationBuilder AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AppContext.SetSwitch(StreamBasedJsonSwitch, isEnabled: true);

        var services = builder.Services;
        services.Configure<ShutdownOptions>(builder.Configuration.GetSection(ShutdownOptions.SectionName));
        services.Configure<HostOptions>(builder.Configuration.GetSection(HostOptionsSection));

        // HostOptions:ShutdownTimeout bounds the whole stop; the drain comes on top, so Kestrel always gets the full
        // timeout for the requests in flight.
        services.AddOptions<HostOptions>()
            .PostConfigure<IOptions<ShutdownOptions>>((host, shutdown) =>
                host.ShutdownTimeout += shutdown.Value.DrainDelay > TimeSpan.Zero ? shutdown.Value.DrainDelay : TimeSpan.Zero);

        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks()
            .AddCheck<ShutdownHealthCheck>(ShutdownHealthCheck.Name, HealthStatus.Unhealthy, [HealthCheckTags.Ready]);
        return builder;
    }
}
