using System.Diagnostics;

namespace Fpas.UnitTests;

/// <summary>Runs a program outside the test host to its end: the linters, npm, and the repository's scripts.</summary>
public static class ExternalProcess
{
    /// <summary>
    /// The category of the tests that need node and npm, or bash with <c>/proc</c>: skipped with
    /// <c>scripts/test.sh --without-tools</c>, or <c>dotnet test --filter TestCategory!=NeedsExternalTools</c>.
    /// </summary>
    public const string ToolsCategory = "NeedsExternalTools";

    /// <summary>
    /// The exit code and the output (standard output, then standard error). <paramref name="environment"/> sets
    /// variables for the program, and a null value removes one it would otherwise inherit.
    /// </summary>
    public static async Task<(int Code, string Output)> RunAsync(
        string program, string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
