using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Fpas.Api.Security;

/// <summary>The authenticated caller holds <see cref="Scope"/> in its <c>scope</c> or <c>scp</c> claims.</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (HasScope(context.User, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static bool HasScope(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var claim in user.Claims)
        {
            if (Array.IndexOf(ScopePolicies.ScopeClaimTypes, claim.Type) >= 0
                && claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
