using Fpas.Application.Common.Auditing;

namespace Fpas.IntegrationTests.Support;

/// <summary>The subject the test says the current request acts for.</summary>
public sealed class SettableUser : ICurrentUser
{
    public string Subject { get; set; } = ICurrentUser.Anonymous;
}
