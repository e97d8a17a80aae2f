using Fpas.Api.OpenApi;
using Fpas.Application.Common.Exceptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Fpas.Api.Security;

/// <summary>
/// Puts every action of a resource controller (<c>[Route("items")]</c>) that needs a token under that resource's scope
/// policy, and documents its 401 and 403: <c>GET</c> under <c>items:read</c> when authenticated reads are required,
/// anything else under <c>items:write</c> unless anonymous writes are allowed. An action that needs no token gets no
/// policy at all, so its requests skip authentication and authorization. Controllers marked <c>[AllowAnonymous]</c>
/// (root, health) are left open.
/// </summary>
public sealed class ResourceScopesConvention(ApiSecurityOptions settings) : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var resource = controller.Selectors.Select(selector => selector.AttributeRouteModel?.Template).FirstOrDefault(template => !string.IsNullOrEmpty(template));
        if (resource is null || controller.Attributes.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        foreach (var action in controller.Actions)
        {
            var methods = action.Attributes.OfType<IActionHttpMethodProvider>().SelectMany(provider => provider.HttpMethods).ToList();
            if (methods.Count == 0)
            {
                // Without a method the action answers every verb, writes included: never default to the open side.
                throw new StartupRefusedException(
                    $"{controller.ControllerType.Name}.{action.ActionMethod.Name} names no HTTP method ([HttpGet], [HttpPost], ...), so its scope cannot be decided.");
            }

            var isRead = methods.All(HttpMethods.IsGet);
            var needsToken = isRead ? settings.RequireAuthenticatedReads : !settings.AnonymousWrites;
            if (!needsToken)
            {
                continue;
            }

            var policy = isRead ? ScopePolicies.Read(resource) : ScopePolicies.Write(resource);
            foreach (var selector in action.Selectors)
            {
                selector.EndpointMetadata.Add(new AuthorizeAttribute(policy));
            }

            ProblemResponsesConvention.Add(action, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
            ProblemResponsesConvention.Add(action, StatusCodes.Status403Forbidden, typeof(ProblemDetails));
        }
    }
}
