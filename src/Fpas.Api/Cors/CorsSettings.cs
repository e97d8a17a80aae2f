namespace Fpas.Api.Cors;

/// <summary>The <c>Cors</c> section: origins allowed to call the API from a browser. None by default.</summary>
public sealed class CorsSettings
{
    public const string SectionName = "Cors";

    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
}
