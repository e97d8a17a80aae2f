using System.Reflection;

namespace Fpas.Api.Controllers;

/// <summary>The answer of <c>GET /</c>: the service's name and its version (the assembly's semantic version).</summary>
public sealed record ServiceInfoResponse(string ProjectName, string Version)
{
    public const string Name = "fpas";

    public static ServiceInfoResponse Current { get; } = new(Name, ReadVersion());

    private static string ReadVersion()
    {
        var version = typeof(ServiceInfoResponse).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata >= 0 ? version[..metadata] : version;
    }
}
