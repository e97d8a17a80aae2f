using Fpas.Application.Common.Auditing;

namespace Fpas.Infrastructure.Persistence;

/// <summary>The subject of writes outside an HTTP request (tools, tests): <see cref="ICurrentUser.Anonymous"/>.</summary>
internal sealed class NoRequestUser : ICurrentUser
{
    public string Subject => ICurrentUser.Anonymous;
}
