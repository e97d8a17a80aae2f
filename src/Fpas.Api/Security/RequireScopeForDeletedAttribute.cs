using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Fpas.Api.Security;

/// <summary>
/// On a read of a soft-deletable resource: a request that asks for deleted rows (<c>include_deleted=true</c>) needs
/// this scope as well (<c>tags:deleted:read</c>), unless anonymous writes are allowed (an open API hides nothing).
/// Requests without the parameter pay one query lookup.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequireScopeForDeletedAttribute(string scope) : Attribute, IAsyncAuthorizationFilter
{
    public const string ParameterName = "include_deleted";

    public string Scope { get; } = scope;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        // Any value that reads as true asks for deleted rows, whichever of several the model binder takes; a value that is
        // not a boolean is the binder's 422.
        if (!http.Request.Query.TryGetValue(ParameterName, out var values) || !values.Any(value => bool.TryParse(value, out var asked) && asked)
            || http.RequestServices.GetRequiredService<IOptions<ApiSecurityOptions>>().Value.AnonymousWrites)
        {
            return;
        }

        var policy = ScopePolicies.For(Scope);
        var evaluator = http.RequestServices.GetRequiredService<IPolicyEvaluator>();
        var authorization = await evaluator.AuthorizeAsync(policy, await evaluator.AuthenticateAsync(policy, http), http, resource: null);
        if (authorization.Challenged)
        {
            context.Result = new ChallengeResult([.. policy.AuthenticationSchemes]);
        }
        else if (authorization.Forbidden)
        {
            context.Result = new ForbidResult([.. policy.AuthenticationSchemes]);
        }
    }
}
