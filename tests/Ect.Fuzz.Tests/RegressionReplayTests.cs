using System.Diagnostics;

namespace Ect.Fuzz.Tests;

/// <summary>
/// Every input under <c>fuzz/regressions/TARGET/</c> runs through its target on every test run.
/// Each one was a crash or hang once; it must now pass quickly. A file named <c>known-*</c> is a
/// finding in code this project has not fixed yet: it is skipped while it still fails, and fails
/// once it passes, so that it is renamed and from then on guards the fix.
/// </summary>
public class RegressionReplayTests
{
    /// <summary>The bound for one input. afl-fuzz calls anything over 5 s a hang; a regression must stay far from that.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    public static IEnumerable<TestCaseData> Inputs()
    {
        var found = false;
        foreach (var target in FuzzTargets.All)
        {
            foreach (var file in FuzzFiles.Inputs(FuzzFiles.Regressions, target.Name))
            {
                found = true;
                yield return new TestCaseData(target.Name, Path.GetFileName(file)).SetName($"{target.Name}/{Path.GetFileName(file)}");
            }
        }

        if (!found)
        {
            yield return new TestCaseData("", "").SetName("no regression inputs").Ignore("no regression inputs yet");
        }
    }

    [TestCaseSource(nameof(Inputs))]
    public void Replays(string targetName, string fileName)
    {
        var target = FuzzTargets.Find(targetName)!;
        var input = File.ReadAllBytes(Path.Combine(FuzzFiles.Regressions, targetName, fileName));
        var known = fileName.StartsWith("known-", StringComparison.Ordinal);
        var watch = Stopwatch.StartNew();
        try
        {
            target.Run(input);
        }
        catch (Exception e) when (known)
        {
            Assert.Ignore($"known finding, not fixed yet: {e.GetType().Name}: {e.Message}");
        }

        Assert.That(watch.Elapsed, Is.LessThan(Bound), "the input no longer crashes, but it is slow");
        Assert.That(known, Is.False, $"{fileName} passes now: rename it without the known- prefix so that it guards the fix");
    }
}
