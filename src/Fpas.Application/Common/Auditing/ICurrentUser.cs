namespace Fpas.Application.Common.Auditing;

/// <summary>Who the current request acts for: the token's subject (<c>sub</c>), or <see cref="Anonymous"/>.</summary>
public interface ICurrentUser
{
    /// <summary>The subject of requests without a token (anonymous writes allowed), and of work outside a request.</summary>
    const string Anonymous = "anonymous";

    string Subject { get; }
}
