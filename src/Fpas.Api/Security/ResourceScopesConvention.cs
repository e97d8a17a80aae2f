using Fpas.Api.OpenApi;
using Fpas.Application.Common.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Fpas.Api.Security;

/// <summary>
/// Enforces the <see cref="RequireScopeAttribute"/> each action declares: a read scope (<c>:read</c>) needs a token
/// when authenticated reads are required, a write scope (<c>:write</c>) unless anonymous writes are allowed; and it
/// documents the 401 and 403. An action that needs no token gets no policy, so its requests skip authentication.
/// Controllers marked <c>[AllowAnonymous]</c> (root) are left open. Everything it cannot decide stops the start, naming
/// the action: no HTTP method (the action would answer every verb), no scope, or a read scope on a write.
/// </summary>
public sealed class ResourceScopesConvention(ApiSecurityOptions settings) : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (controller.Attributes.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        foreach (var action in controller.Actions)
        {
            var policy = DeclaredScope(controller, action);
            var isRead = ScopePolicies.IsRead(policy);
            var needsToken = isRead ? settings.RequireAuthenticatedReads : !settings.AnonymousWrites;
            if (!needsToken)
            {
                continue;
            }

            foreach (var selector in action.Selectors)
            {
                selector.EndpointMetadata.Add(ScopePolicies.For(policy));
            }

            ProblemResponsesConvention.Add(action, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
            ProblemResponsesConvention.Add(action, StatusCodes.Status403Forbidden, typeof(ProblemDetails));
        }
    }

    private static string DeclaredScope(ControllerModel controller, ActionModel action)
    {
        var name = $"{controller.ControllerType.Name}.{action.ActionMethod.Name}";
        var methods = action.Attributes.OfType<IActionHttpMethodProvider>().SelectMany(provider => provider.HttpMethods).ToList();
        if (methods.Count == 0)
        {
            // Without a method the action answers every verb, writes included: never default to the open side.
            throw new StartupRefusedException($"{name} names no HTTP method ([HttpGet], [HttpPost], ...), so its scope cannot be decided.");
        }

        var scope = action.Attributes.OfType<RequireScopeAttribute>().FirstOrDefault()?.Scope
            ?? throw new StartupRefusedException($"{name} declares no scope: add [RequireScope(\"<resource>:read\")] or [RequireScope(\"<resource>:write\")].");
        var isRead = methods.All(HttpMethods.IsGet);
        if (isRead ? !ScopePolicies.IsRead(scope) && !ScopePolicies.IsWrite(scope) : !ScopePolicies.IsWrite(scope))
        {
            throw new StartupRefusedException(isRead
                ? $"{name} requires scope '{scope}', which names neither a read (':read') nor a write (':write') scope."
                : $"{name} answers {string.Join(", ", methods)} under scope '{scope}': a write needs a ':write' scope.");
        }

        return scope;
    }
}
