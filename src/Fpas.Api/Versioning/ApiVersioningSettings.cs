namespace Fpas.Api.Versioning;

/// <summary><c>ApiVersioning</c>: which versions are deprecated, keyed by major version (ADR 20).</summary>
public sealed class ApiVersioningSettings
{
    public const string SectionName = "ApiVersioning";

    public Dictionary<int, DeprecationSettings> Deprecated { get; init; } = [];

    /// <summary>What is wrong with the settings, if anything: start-up is refused with these.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (major, deprecation) in Deprecated)
        {
            var name = $"{SectionName}:Deprecated:{major}";
            if (!ApiVersions.All.Contains(major))
            {
                yield return $"{name}: there is no version {major} (versions: {string.Join(", ", ApiVersions.All)}).";
            }
            else if (major >= ApiVersions.Current)
            {
                yield return $"{name}: the current version cannot be deprecated: clients would have nothing to move to.";
            }

            if (deprecation.Since is null)
            {
                yield return $"{name}:Since is required: the date the version is (or will be) deprecated.";
            }
            else if (deprecation.Sunset <= deprecation.Since)
            {
                yield return $"{name}:Sunset must come after Since.";
            }

            if (deprecation.Link is { IsAbsoluteUri: false })
            {
                yield return $"{name}:Link must be an absolute URL.";
            }
        }
    }
}
