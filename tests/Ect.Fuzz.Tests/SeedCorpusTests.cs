using System.Diagnostics;
using Ect.Fuzz.Seeds;

namespace Ect.Fuzz.Tests;

/// <summary>
/// Every seed (hand-built, derived from the vectors when they are there, and committed under
/// <c>fuzz/corpora/TARGET/</c>) runs through its target, so the targets and their oracles are
/// exercised on every test run without AFL.
/// </summary>
public class SeedCorpusTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private static readonly Lazy<SeedSource> Source = new(() => SeedSource.Load(FuzzFiles.Vectors, TextWriter.Null));

    public static IEnumerable<string> Targets() => FuzzTargets.All.Select(t => t.Name);

    [TestCaseSource(nameof(Targets))]
    public void EverySeedPasses(string targetName)
    {
        var target = FuzzTargets.Find(targetName)!;
        var seeds = target.Seeds(Source.Value)
            .Concat(FuzzFiles.Inputs(FuzzFiles.Corpora, targetName).Select(f => new Seed("corpora/" + Path.GetFileName(f), File.ReadAllBytes(f))))
            .ToList();
        var failures = new List<string>();
        foreach (var seed in seeds)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                target.Run(seed.Data);
                if (watch.Elapsed > Bound)
                {
                    failures.Add($"{seed.Name}: took {watch.Elapsed.TotalSeconds:F1} s");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{seed.Name}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.That(seeds, Is.Not.Empty);
        Assert.That(failures, Is.Empty, () => $"{failures.Count} of {seeds.Count} seeds fail:\n{string.Join('\n', failures)}");
    }
}
