using System.Diagnostics;

namespace Ect.Fuzz.Tests;

/// <summary>
/// Every input under <c>fuzz/regressions/TARGET/</c> runs through its target on every test run.
/// Each one was a crash or hang once; it must now pass quickly.
/// </summary>
public class RegressionReplayTests
{
    /// <summary>The bound for one input. afl-fuzz calls anything over 5 s a hang; a regression must stay far from that.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    public static IEnumerable<TestCaseData> Inputs() =>
        from target in FuzzTargets.All
        from file in FuzzFiles.Inputs(FuzzFiles.Regressions, target.Name)
        select new TestCaseData(target.Name, Path.GetFileName(file)).SetName($"{target.Name}/{Path.GetFileName(file)}");

    [Test]
    public void EveryRegressionFolderIsATarget()
    {
        // Guards the discovery itself: a misnamed or moved folder would otherwise replay nothing and pass.
        var folders = Directory.GetDirectories(FuzzFiles.Regressions).Select(Path.GetFileName).ToList();
        Assert.That(folders, Is.Not.Empty);
        Assert.That(folders, Is.SubsetOf(FuzzTargets.All.Select(t => t.Name)));
        Assert.That(Inputs(), Is.Not.Empty);
    }

    [TestCaseSource(nameof(Inputs))]
    public void Replays(string targetName, string fileName)
    {
        var target = FuzzTargets.Find(targetName)!;
        var input = File.ReadAllBytes(Path.Combine(FuzzFiles.Regressions, targetName, fileName));
        var watch = Stopwatch.StartNew();
        target.Run(input);
        Assert.That(watch.Elapsed, Is.LessThan(Bound), "the input no longer crashes, but it is slow");
    }
}
