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
    // Catches a seed that hangs its target, not one that is slow: speed is measured by the benchmarks,
    // and a two-core machine running several builds took 3.5 s over a seed that takes milliseconds alone.
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

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
                if (watch.Elapsed > HangBound)
                {
                    failures.Add($"{seed.Name}: took {watch.Elapsed.TotalSeconds:F1} s, as if it hung");
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
