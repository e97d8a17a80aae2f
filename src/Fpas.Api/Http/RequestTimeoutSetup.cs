using Microsoft.AspNetCore.Http.Timeouts;

namespace Fpas.Api.Http;

/// <summary>
/// A bound on every request (<c>RequestTimeouts:Default</c>, 15 s): past it the request is cancelled and answered 503
/// problem with <c>Retry-After</c>. A backstop for what no other timeout covers, such as a command that Npgsql's
/// multiplexing queues behind busy connections (it then never meets the pool's connect timeout).
/// </summary>
public static class RequestTimeoutSetup
{
    public const string DefaultKey = "RequestTimeouts:Default";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    public const string TimedOutDetail = "The request took too long. Try again shortly.";

    public static IServiceCollection AddRequestTimeoutsFromConfiguration(this IServiceCollection services) =>
        services.AddRequestTimeouts().AddOptions<RequestTimeoutOptions>()
            .Configure<IConfiguration>((options, configuration) => options.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = configuration.GetValue(DefaultKey, DefaultTimeout),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = async context =>
                {
                    context.Response.Headers.RetryAfter = "5";
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Detail = TimedOutDetail },
                    }).ConfigureAwait(false);
                },
            })
            .Services;
}
