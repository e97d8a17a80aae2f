using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fpas.TemplateTests;

/// <summary>
/// Installs the templates from this working tree into an isolated hive, generates a service under a name
/// with a hyphen and a digit, adds a resource and its migration, and runs the generated solution's own
/// test command against the same PostgreSQL as this run.
/// </summary>
public sealed partial class TemplateTests
{
    private string _work = null!;
    private string _hive = null!;

    [OneTimeSetUp]
    public async Task InstallTemplatesAsync()
    {
        _work = Directory.CreateTempSubdirectory("fpas-template-test.").FullName;
        _hive = Path.Combine(_work, "hive");
        await ProcessRunner.RunAsync(_work, "dotnet", "new", "install", RepositoryRoot(), "--debug:custom-hive", _hive);
    }

    [OneTimeTearDown]
    public void RemoveWorkDirectory() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task GeneratedSolution_WithResourceAndMigration_BuildsAndPassesItsTests()
    {
        var solution = Path.Combine(_work, GeneratedSolution.ServiceName);
        await ProcessRunner.RunAsync(_work, "dotnet", "new", "fpas-service", "-n", GeneratedSolution.ServiceName, "--debug:custom-hive", _hive);
        await ProcessRunner.RunAsync(solution, "dotnet", "new", "fpas-resource", "-n", GeneratedSolution.ResourceName,
            "--solution", GeneratedSolution.CSharpName, "--debug:custom-hive", _hive);
        ApplyTeamEdits(solution);
        await ProcessRunner.RunAsync(solution, "dotnet", "new", "fpas-resource", "-n", GeneratedSolution.OptionsResourceName,
            "--solution", GeneratedSolution.CSharpName, "--audited", "--soft-delete", "--debug:custom-hive", _hive);
        await ProcessRunner.RunAsync(solution, "dotnet", "tool", "restore");

        // dotnet ef reads the project's assets before it builds: restore that project (and what it references) only;
        // the generated test command restores the rest as it builds.
        await ProcessRunner.RunAsync(solution, "dotnet", "restore", $"src/{GeneratedSolution.CSharpName}.Infrastructure");
        await ProcessRunner.RunAsync(solution, "dotnet", "ef", "migrations", "add", "AddTags",
            "--project", $"src/{GeneratedSolution.CSharpName}.Infrastructure", "--output-dir", "Persistence/Migrations");

        // As the README tells a team after adding a resource: rewrite the reviewed OpenAPI document from the code.
        await ProcessRunner.RunAsync(solution, "env", $"{GeneratedSolution.UpperName}_UPDATE_OPENAPI=1", "dotnet", "test",
            $"tests/{GeneratedSolution.CSharpName}.IntegrationTests", "--filter", "FullyQualifiedName~OpenApiSnapshot");
        // A new resource is in the current version's document, at its versioned paths, and in version 1's.
        var current = await File.ReadAllTextAsync(Path.Combine(solution, "docs", "openapi", "v2.json"));
        Assert.That(current, Does.Contain("\"/v2/tags/{id}\"").And.Contain("\"/v2/notes/{id}/restore\"").And.Contain("\"RestoreNote\""));
        var first = await File.ReadAllTextAsync(Path.Combine(solution, "docs", "openapi", "v1.json"));
        Assert.That(first, Does.Contain("\"/tags/{id}\"").And.Contain("\"/notes/{id}/restore\""));

        var results = Path.Combine(_work, "results");
        // Run as the README tells a user to: the script itself, not through bash (the template must keep its run bit).
        var output = await ProcessRunner.RunAsync(solution, Path.Combine(solution, "scripts", "test.sh"), "--results", results);

        var summary = output.TrimEnd().Split('\n')[^1].Trim();
        var match = SummaryLine().Match(summary);
        Assert.That(match.Success, Is.True, $"last line of the generated test command: {summary}");
        Assert.That(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(100));

        // The generated resource's own tests ran and passed: its endpoints, its repository, and its own scopes (tags:write).
        var passed = PassedTests(results);
        Assert.Multiple(() =>
        {
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsEndpointsTests."));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Persistence.TagRepositoryTests."));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsAuthorizationTests.Writes_WithTheWriteScope_Succeed"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsAuthorizationTests.Write_WithoutTheWriteScope_Is403Problem"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsAuthorizationTests.IdempotencyKeys_ArePerClient"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsConditionalRequestsTests.LostUpdate_IsPrevented_UnderARace_OneWinnerAndTheRest412"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsConditionalRequestsTests.Write_WithStaleIfMatch_Is412Problem_WithTheCurrentETag_AndChangesNothing"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsIdempotencyTests.ConcurrentRepeats_CreateExactlyOneTag_AndEachAnswerIsTheSame200OrA409"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsIdempotencyTests.Replay_SurvivesARestart_OfTheApp"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsRoundTripTests.EveryCreateProperty_IsStored_AndReadBackByIdAndInTheList"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsRoundTripTests.EachUpdateProperty_ChangedAlone_IsStored_AndLeavesTheOthers"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.UnitTests.Common.MappingConfigurationTests.NoStringMember_IsFilledByToStringOfAnotherType"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsQueryTests.Filters_SelectExactlyTheMatchingRows"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsQueryTests.Search_MatchesWordsPhrasesAndExclusions_InNameAndDescription"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsQueryTests.OrderBy_SortsByTheKeys_ThenById"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.TagsQueryTests.WalkingNextLinks_OfAFilteredSortedList_ReturnsEveryRowOnce_WhileOthersChange"));

            // The resource made with --audited --soft-delete: its options' own tests, and every test a plain resource has.
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesAuditTests.CreateAndUpdate_StampTheTokensSubject_AndTheClock"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesAuditTests.ABodyThatSendsTheAuditColumns_ChangesNothing"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesAuditTests.TheDocument_MarksTheAuditColumnsReadOnly"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesSoftDeleteTests.ADeletedRow_IsMissedByEveryReadAndWrite_AndStaysAsItWas"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesSoftDeleteTests.DeletedRows_NeedTheParameterAndTheirOwnScope"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesSoftDeleteTests.Restore_BringsTheRowBack_WithANewETag_AndHonoursIfMatchAndIdempotencyKey"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesSoftDeleteTests.ADeletedName_CanBeTakenAgain_AndThenItsRestoreIsA409"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesSoftDeleteTests.ThePurge_RemovesRowsDeletedLongerThanTheRetention"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesRoundTripTests.EveryCreateProperty_IsStored_AndReadBackByIdAndInTheList"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesConditionalRequestsTests.LostUpdate_IsPrevented_UnderARace_OneWinnerAndTheRest412"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.NotesIdempotencyTests.Replay_SurvivesARestart_OfTheApp"));
            Assert.That(passed, Has.Some.Contains("HttpFileTests.EveryRequest_AnswersTheStatusItAsserts").And.Contains("Tags.http"));
            Assert.That(passed, Has.Some.Contains("HttpFileTests.EveryRequest_AnswersTheStatusItAsserts").And.Contains("Notes.http"));
            // The wire checks, on the generated service's own documents: snapshot per version, breaking changes, lint, client.
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.OpenApiSnapshotTests.TheCommittedDocument_IsWhatTheCodeServes(2.0d)"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.UnitTests.OpenApi.BreakingChangesTests.TheCommittedDocument_BreaksNothing_ForClientsOfTheReleasedOne(\"v1.json\")"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.OpenApiLintTests.EveryDocument_LintsClean(True,2.0d)"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.GeneratedClient.KiotaClientTests.GeneratedClient_DrivesCrudPagingETagsIdempotencyKeysAndTypedProblems"));
            Assert.That(passed, Has.Some.StartsWith("MyShop2.IntegrationTests.Api.ApiVersionsTests.ADeprecatedVersion_CarriesDeprecationSunsetAndLinks"));
        });
    }

    [Test]
    public async Task GeneratedSolution_CarriesTheNewNameEverywhere_AndLeavesRepositoryFilesOut()
    {
        const string name = "Acme.Orders";
        var solution = Path.Combine(_work, name);

        await ProcessRunner.RunAsync(_work, "dotnet", "new", "fpas-service", "-n", name, "--debug:custom-hive", _hive);

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(solution, "Acme.Orders.sln")), Is.True);
            Assert.That(File.Exists(Path.Combine(solution, "src", "Acme.Orders.Api", "Acme.Orders.Api.csproj")), Is.True);
            Assert.That(File.ReadAllText(Path.Combine(solution, "src", "Acme.Orders.Api", "Program.cs")), Does.Contain("using Acme.Orders.Application;"));
            Assert.That(File.ReadAllText(Path.Combine(solution, "scripts", "lib", "database.sh")), Does.Contain("Database=acme.orders"));
            Assert.That(File.ReadAllText(Path.Combine(solution, "scripts", "test.sh")), Does.Contain("ACME_ORDERS_TEST_CONNECTION"));
            Assert.That(File.ReadAllText(Path.Combine(solution, "README.md")), Does.StartWith("# Acme.Orders"));
            foreach (var repositoryOnly in new[] { ".ci", "bench", "templates", ".template.config", Path.Combine("tests", "Acme.Orders.TemplateTests") })
            {
                Assert.That(Path.Combine(solution, repositoryOnly), Does.Not.Exist, repositoryOnly);
            }

            var leftovers = Directory.EnumerateFiles(solution, "*", SearchOption.AllDirectories)
                .Where(file => File.ReadAllText(file).Contains("fpas", StringComparison.OrdinalIgnoreCase) || Path.GetRelativePath(solution, file).Contains("fpas", StringComparison.OrdinalIgnoreCase))
                .Select(file => Path.GetRelativePath(solution, file));
            Assert.That(leftovers, Is.Empty, "files that still name Fpas");
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task GeneratedScripts_AreExecutable()
    {
        const string name = "Run.Bits";
        await ProcessRunner.RunAsync(_work, "dotnet", "new", "fpas-service", "-n", name, "--debug:custom-hive", _hive);

        foreach (var script in new[] { "run.sh", "test.sh" })
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(_work, name, "scripts", script)) & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute), script);
        }
    }

    /// <summary>
    /// What a team adds in its first week, copied over the generated resource (TeamEdits/, the files as they would be
    /// written): an enum stored as text, a value object through a converter, a list, a date-time with offset, money and
    /// an optional complex type, with their requests, response, mapping and configuration.
    /// </summary>
    private static void ApplyTeamEdits(string solution)
    {
        var edits = Path.Combine(AppContext.BaseDirectory, "TeamEdits");
        foreach (var file in Directory.EnumerateFiles(edits, "*.cs.txt", SearchOption.AllDirectories))
        {
            var target = Path.Combine(solution, Path.GetRelativePath(edits, file)[..^".txt".Length]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Full names (class and test) of the passed tests in every TRX file under <paramref name="folder"/>.</summary>
    private static List<string> PassedTests(string folder)
    {
        XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var passed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories))
        {
            var document = XDocument.Load(file);
            var names = document.Descendants(trx + "UnitTest").ToDictionary(
                test => (string)test.Attribute("id")!,
                test => $"{(string?)test.Element(trx + "TestMethod")?.Attribute("className")}.{(string?)test.Attribute("name")}");
            passed.AddRange(document.Descendants(trx + "UnitTestResult")
                .Where(result => (string?)result.Attribute("outcome") == "Passed")
                .Select(result => names[(string)result.Attribute("testId")!]));
        }

        return passed;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, ".template.config")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "the repository root (with .template.config) above the test binaries");
        return directory!.FullName;
    }

    [GeneratedRegex(@"^(\d+) passed, 0 failed$")]
    private static partial Regex SummaryLine();
}
