using Fpas.Api.Errors;
using Microsoft.AspNetCore.Http.Timeouts;

namespace Fpas.Api.Http;

/// <summary>
/// A bound on every request, when <c>RequestTimeouts:Default</c> is set (off by default): past it the request is
/// cancelled and answered 503 problem with <c>Retry-After</c>. A backstop for what no other timeout covers, such as a
/// command that Npgsql's multiplexing queues behind busy connections. Off by default because it costs: a timer-backed
/// cancellation source per request took about 30 % of read_one's throughput on 2 cores (ADR 13).
/// </summary>
public static class RequestTimeoutSetup
{
    public const string DefaultKey = "RequestTimeouts:Default";
    public const string TimedOutDetail = "The request took too long. Try again shortly.";

    public static IServiceCollection AddRequestTimeoutsFromConfiguration(this IServiceCollection services) =>
        services.AddRequestTimeouts().AddOptions<RequestTimeoutOptions>()
            .Configure<IConfiguration>((options, configuration) => options.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = configuration.GetValue<TimeSpan?>(DefaultKey),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = async context =>
                {
                    context.Response.Headers.RetryAfter = "5";
                    await context.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, TimedOutDetail);
                },
            })
            .Services;

    /// <summary>The middleware only when a default is configured: no cost otherwise.</summary>
    public static IApplicationBuilder UseConfiguredRequestTimeouts(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        return configuration.GetValue<TimeSpan?>(DefaultKey) is null ? app : app.UseRequestTimeouts();
    }
}
