using Fpas.Application.Common.Auditing;

namespace Fpas.Api.Security;

/// <summary>The subject (<c>sub</c>) of the request's validated bearer token; <see cref="ICurrentUser.Anonymous"/> without one.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string Subject => accessor.HttpContext?.User.FindFirst(ScopePolicies.SubjectClaim)?.Value is { Length: > 0 } subject ? subject : ICurrentUser.Anonymous;
}
