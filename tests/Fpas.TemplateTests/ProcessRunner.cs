using System.Diagnostics;
using System.Text;

namespace Fpas.TemplateTests;

/// <summary>Runs a command to completion and fails the test, with its output, when it exits non-zero.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild settings of its own; the generated solution must build as a newcomer's would,
        // except that no MSBuild node may outlive the test (a reusable node otherwise stays behind for 15 minutes).
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var connection = Environment.GetEnvironmentVariable("FPAS_TEST_CONNECTION");
        if (!string.IsNullOrEmpty(connection))
        {
            start.Environment[GeneratedSolution.ConnectionVariable] = connection;
        }

        var direct = Environment.GetEnvironmentVariable("FPAS_TEST_DIRECT_CONNECTION");
        if (!string.IsNullOrEmpty(direct))
        {
            start.Environment[GeneratedSolution.DirectConnectionVariable] = direct;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        var started = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();

        // Where the template test's time goes: in the test's output (the TRX files that scripts/test.sh --results keeps).
        await TestContext.Out.WriteLineAsync(
            $"{Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0} s  {fileName} {string.Join(' ', arguments)}");

        var text = output.ToString();
        Assert.That(process.ExitCode, Is.Zero, $"{fileName} {string.Join(' ', arguments)} in {workingDirectory} failed:\n{Tail(text)}");
        return text;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(string text) => text.Length <= 8000 ? text : text[^8000..];
}
