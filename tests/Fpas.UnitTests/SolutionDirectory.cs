namespace Fpas.UnitTests;

/// <summary>The folder of the solution file above the test binaries: where the tests read project files, manifests and workflows.</summary>
public static class SolutionDirectory
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && directory.GetFiles("*.sln").Length == 0)
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("no solution file above the test binaries");
    }
}
