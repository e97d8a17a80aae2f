using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Security;

/// <summary>
/// Builds the <c>&lt;resource&gt;:read</c> and <c>&lt;resource&gt;:write</c> policies: an authenticated bearer token
/// with that scope. Which actions carry one follows from the settings (<see cref="ResourceScopesConvention"/>); the
/// policy names the bearer scheme, so only its requests authenticate.
/// </summary>
public sealed class ScopePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);

    /// <summary>A name always gives the same policy, so the authorization middleware may cache each endpoint's policy
    /// (the base class allows that only for itself: without it, every request combined its policy anew).</summary>
    public override bool AllowsCachingPolicies => true;

    public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        if (!ScopePolicies.IsRead(policyName) && !ScopePolicies.IsWrite(policyName))
        {
            return base.GetPolicyAsync(policyName);
        }

        return Task.FromResult<AuthorizationPolicy?>(_policies.GetOrAdd(policyName, static name =>
            new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser().RequireAssertion(context => ScopePolicies.Grants(context.User, name)).Build()));
    }
}
