using System.Diagnostics;

namespace Fpas.IntegrationTests.Support;

/// <summary>Runs a program outside the test host to its end: the generated client's build, the OpenAPI linter.</summary>
public static class ExternalProcess
{
    /// <summary>
    /// The category of the tests that need node and npm: skipped with <c>scripts/test.sh --without-tools</c>, or
    /// <c>dotnet test --filter TestCategory!=NeedsExternalTools</c>.
    /// </summary>
    public const string ToolsCategory = "NeedsExternalTools";

    /// <summary>The exit code, the standard output and the standard error.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string directory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A tool the repository's manifest names runs from it; what it builds is built outside it, as a consumer's would be.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The repository's root: the folder of its tool manifest, above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, ".config", "dotnet-tools.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("no .config/dotnet-tools.json above the test binaries");
    }
}
