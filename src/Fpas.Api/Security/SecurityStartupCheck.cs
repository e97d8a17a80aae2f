using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Security;

/// <summary>
/// At start-up: builds the controllers' actions, so that an action whose scope cannot be decided stops the start
/// (<see cref="ResourceScopesConvention"/>) rather than its first request; and says, as a warning, that the API
/// accepts writes from anyone.
/// </summary>
public sealed partial class SecurityStartupCheck(
    IOptions<ApiSecurityOptions> security, IActionDescriptorCollectionProvider actions, ILogger<SecurityStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = actions.ActionDescriptors.Items.Count;
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
