namespace Fpas.UnitTests.Deployment;

/// <summary>
/// scripts/lib/compiler-server.sh gives a test run a compiler server of its own and stops it at the end: only that one,
/// never another run's, and not at all when the run was started by another run (the template test's generated service).
/// A stand-in process with a compiler server's command line takes the server's place. Needs bash and /proc (Linux).
/// </summary>
[Category(ExternalProcess.ToolsCategory)]
public sealed class CompilerServerScriptTests
{
    // Stand-ins whose command lines end like a compiler server's ("VBCSCompiler -pipename:NAME"): the run's own, and one
    // whose pipe name merely starts the same; then whether each still runs after the run's stop.
    private const string StandIns = """
        source scripts/lib/compiler-server.sh
        compiler_server_start
        stand_in() { bash -c 'while :; do sleep 0.05; done' VBCSCompiler "-pipename:$1" & }
        stand_in "$SharedCompilationId"; ours=$!
        stand_in "${SharedCompilationId}0"; other=$!
        sleep 0.3
        compiler_server_stop
        sleep 0.3
        state() { if [ -e "/proc/$1/stat" ] && ! grep -q ') Z ' "/proc/$1/stat"; then echo running; else echo stopped; fi; }
        echo "ours $(state "$ours")"
        echo "other $(state "$other")"
        kill "$ours" "$other" 2>/dev/null
        wait
        """;

    [Test]
    public async Task ARun_StopsItsOwnServer_AndNoOther()
    {
        var output = await RunAsync(StandIns, new Dictionary<string, string?> { ["UseSharedCompilation"] = "false", ["SharedCompilationId"] = null });

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Match(@"(?m)^ours stopped$"), "the run's own server is stopped");
            Assert.That(output, Does.Match(@"(?m)^other running$"), "a server with another pipe name keeps running");
        });
    }

    [Test]
    public async Task ARunStartedByAnotherRun_UsesItsServer_AndLeavesItRunning()
    {
        var output = await RunAsync(StandIns, new Dictionary<string, string?> { ["UseSharedCompilation"] = "true", ["SharedCompilationId"] = "parent-run" });

        Assert.That(output, Does.Match(@"(?m)^ours running$"), "the parent's server is left to the parent");
    }

    private static async Task<string> RunAsync(string script, Dictionary<string, string?> environment) =>
        (await ExternalProcess.RunAsync("bash", SolutionDirectory.Path, ["-c", script], environment)).Output;
}
