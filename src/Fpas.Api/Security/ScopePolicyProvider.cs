using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Security;

/// <summary>
/// Builds the <c>&lt;resource&gt;:read</c> and <c>&lt;resource&gt;:write</c> policies from the settings: a write needs its
/// scope unless anonymous writes are allowed; a read needs its scope only when authenticated reads are required.
/// A policy that needs a token names the bearer scheme, so only its requests authenticate (an open read with a token
/// pays nothing for it).
/// </summary>
public sealed class ScopePolicyProvider(IOptions<AuthorizationOptions> options, IOptions<ApiSecurityOptions> security)
    : DefaultAuthorizationPolicyProvider(options)
{
    private static readonly AuthorizationPolicy Anyone = new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);

    /// <summary>A name always gives the same policy, so the authorization middleware may cache each endpoint's policy
    /// (the base class allows that only for itself: without it, every request combined its policy anew).</summary>
    public override bool AllowsCachingPolicies => true;

    public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        var isRead = ScopePolicies.IsRead(policyName);
        if (!isRead && !ScopePolicies.IsWrite(policyName))
        {
            return base.GetPolicyAsync(policyName);
        }

        return Task.FromResult<AuthorizationPolicy?>(_policies.GetOrAdd(policyName, name =>
        {
            var settings = security.Value;
            var open = isRead ? !settings.RequireAuthenticatedReads : settings.AnonymousWrites;
            return open
                ? Anyone
                : new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(name)).Build();
        }));
    }
}
