using Fpas.Api.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Fpas.Api.Security;

/// <summary>
/// Puts every action of a resource controller (<c>[Route("items")]</c>) under that resource's scope policy:
/// <c>GET</c> under <c>items:read</c>, anything else under <c>items:write</c>, and documents its 401 and 403. Controllers
/// marked <c>[AllowAnonymous]</c> (root, health) are left open.
/// </summary>
public sealed class ResourceScopesConvention : IControllerModelConvention
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
            var methods = action.Attributes.OfType<IActionHttpMethodProvider>().SelectMany(provider => provider.HttpMethods);
            var policy = methods.All(HttpMethods.IsGet) ? ScopePolicies.Read(resource) : ScopePolicies.Write(resource);
            foreach (var selector in action.Selectors)
            {
                selector.EndpointMetadata.Add(new AuthorizeAttribute(policy));
            }

            ProblemResponsesConvention.Add(action, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
            ProblemResponsesConvention.Add(action, StatusCodes.Status403Forbidden, typeof(ProblemDetails));
        }
    }
}
