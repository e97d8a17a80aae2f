using System.Text.RegularExpressions;

namespace Fpas.UnitTests.Documentation;

/// <summary>Every relative link in the repository's Markdown resolves to a file or folder inside it (a clone has nothing else).</summary>
public sealed partial class MarkdownLinkTests
{
    [Test]
    public void RelativeLinks_InEveryMarkdownFile_Resolve_InsideTheRepository()
    {
        var root = SolutionDirectory.Path;
        var broken = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                     .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or ".git" or "TestResults")))
        {
            var lines = File.ReadAllLines(file);
            for (var number = 0; number < lines.Length; number++)
            {
                foreach (Match link in Link().Matches(lines[number]))
                {
                    var target = link.Groups["target"].Value;
                    if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal) || target.StartsWith('#'))
                    {
                        continue;
                    }

                    var resolved = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, target.Split('#')[0]));
                    if (!resolved.StartsWith(root, StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved)))
                    {
                        broken.Add($"{System.IO.Path.GetRelativePath(root, file)}:{number + 1}: {target}");
                    }
                }
            }
        }

        Assert.That(broken, Is.Empty);
    }

    /// <summary>A Markdown link's target, or a path leaving the folder in a code span (<c>`../shared/x.md`</c>).</summary>
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)|`(?<target>\.\./[^`\s]+)`")]
    private static partial Regex Link();
}
