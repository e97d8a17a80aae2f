namespace Fpas.Api.Security;

/// <summary>
/// The OAuth scope an action needs: <c>items:read</c> on reads (<c>GET</c>), <c>items:write</c> on everything else.
/// Whether a request must carry a token at all follows the settings (<see cref="ResourceScopesConvention"/>); an
/// action of a controller that is not <c>[AllowAnonymous]</c> and declares no scope stops the app at start-up.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequireScopeAttribute(string scope) : Attribute
{
    public string Scope { get; } = scope;
}
