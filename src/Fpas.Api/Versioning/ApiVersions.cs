namespace Fpas.Api.Versioning;

/// <summary>
/// The API's versions (ADR 20). A path without a version (<c>/items</c>) is <see cref="V1"/>; <c>/v2/items</c> is
/// <see cref="V2"/>. A new version is a constant here, a <c>[ApiVersion]</c> on the controllers that have it, and
/// <c>[MapToApiVersion]</c> on the actions whose representation it changes.
/// </summary>
public static class ApiVersions
{
    public const double V1 = 1.0;
    public const double V2 = 2.0;

    /// <summary>The version new resources and new clients start from.</summary>
    public const double Current = V2;

    /// <summary>The route prefix of a versioned path: <c>v{version:apiVersion}/</c>.</summary>
    public const string Prefix = "v{version:apiVersion}/";

    public static readonly IReadOnlyList<double> All = [V1, V2];

    /// <summary>The version that follows <paramref name="version"/>.</summary>
    public static double SuccessorOf(double version) => All.First(next => next > version);
}
