using Microsoft.Extensions.Options;

namespace Fpas.Api.Security;

/// <summary>Says at start-up, as a warning, that the API accepts writes from anyone.</summary>
public sealed partial class SecurityStartupCheck(IOptions<ApiSecurityOptions> security, ILogger<SecurityStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = security.Value;
        if (settings.AllowAnonymousWrites)
        {
            LogAnonymousWrites(logger);
        }
        else if (settings.AnonymousWrites)
        {
            LogDevelopmentOpen(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication:AllowAnonymousWrites=true: anyone can create, change and delete data")]
    private static partial void LogAnonymousWrites(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development without Authentication:Schemes:Bearer: anyone can create, change and delete data")]
    private static partial void LogDevelopmentOpen(ILogger logger);
}
