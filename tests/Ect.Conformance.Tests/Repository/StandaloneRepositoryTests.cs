using System.Text.RegularExpressions;
using Ect.Conformance.Tests.Vectors;

namespace Ect.Conformance.Tests.Repository;

/// <summary>
/// The repository is handed to users on its own: its rules live in docs/profile.md, and no file
/// may send a reader (or a script) to a folder outside the clone.
/// </summary>
public sealed partial class StandaloneRepositoryTests
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "reports", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", "logs", "findings", "out", ".tools", "node_modules"];

    private static readonly string[] TextExtensions = [".cs", ".md", ".sh", ".py", ".yaml", ".yml", ".json", ".csproj", ".props", ".txt", ".go", ".ts", ".js", ".html", ".dict", ""];

    [Test]
    public void NoFileRefersToTheSharedFolderOutsideTheClone()
    {
        var offenders = RepositoryTextFiles()
            .Where(path => SharedReference().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(VectorRepository.Root, path))
            .ToList();
        Assert.That(offenders, Is.Empty, "these files point outside the clone, to a folder users do not have");
    }

    [Test]
    public void EveryRuleOfTheCorpusHasAnAnchoredSectionInTheProfile()
    {
        var profile = File.ReadAllText(Path.Combine(VectorRepository.Root, "docs", "profile.md"));
        var anchors = AnchorPattern().Matches(profile).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var rules = VectorRepository.Suite.Cases.SelectMany(c => c.Rules).Distinct(StringComparer.Ordinal).ToList();
        Assert.That(rules, Is.Not.Empty);
        Assert.That(rules.Where(r => !anchors.Contains(r.ToLowerInvariant())), Is.Empty, "rules used by vectors without <a id=\"rule-id\"></a> in docs/profile.md");
        foreach (var rule in rules)
        {
            Assert.That(profile, Does.Contain($"**{rule}**"), $"docs/profile.md states {rule}");
        }
    }

    private static IEnumerable<string> RepositoryTextFiles()
    {
        var pending = new Stack<string>([VectorRepository.Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
            {
                pending.Push(sub);
            }

            foreach (var file in Directory.EnumerateFiles(dir).Where(f => TextExtensions.Contains(Path.GetExtension(f)) && new FileInfo(f).Length < 8_000_000))
            {
                yield return file;
            }
        }
    }

    // A parent-folder "shared" path or its spec, design and seed subfolders; not prose such as "a shared store".
    [GeneratedRegex(@"\.\./shared\b|\bshared/(spec|design|seed)\b")]
    private static partial Regex SharedReference();

    [GeneratedRegex("<a id=\"([a-z0-9-]+)\"></a>")]
    private static partial Regex AnchorPattern();
}
