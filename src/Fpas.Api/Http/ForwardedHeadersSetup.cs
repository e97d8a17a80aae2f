using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Fpas.Api.Http;

/// <summary>
/// <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> are honoured only from the proxies in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), loopback by default;
/// a forwarded host must be one of <c>AllowedHosts</c> when that is not <c>*</c>.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            var proxies = configuration.GetSection($"{SectionName}:KnownProxies").Get<string[]>() ?? [];
            var networks = configuration.GetSection($"{SectionName}:KnownNetworks").Get<string[]>() ?? [];
            if (proxies.Length > 0 || networks.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }

            var allowedHosts = configuration["AllowedHosts"];
            if (!string.IsNullOrWhiteSpace(allowedHosts) && allowedHosts.Trim() != "*")
            {
                options.AllowedHosts = allowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        });
}
