using Ect.Conformance.Judging;

namespace Ect.Conformance.Comparing;

/// <summary>What changed between two sets of outcomes: runs that got worse, better or merely different, and runs added or removed.</summary>
public sealed class Comparison
{
    public Comparison(ComparedRuns before, ComparedRuns after)
    {
        Before = before ?? throw new ArgumentNullException(nameof(before));
        After = after ?? throw new ArgumentNullException(nameof(after));
        var b = before.Outcomes;
        var a = after.Outcomes;
        Added = a.Keys.Where(k => !b.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Removed = b.Keys.Where(k => !a.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Changed = b.Keys.Where(k => a.TryGetValue(k, out var o) && o != b[k]).Order(StringComparer.Ordinal).ToList();
        Worse = Changed.Where(k => Rank(a[k]) < Rank(b[k])).ToList();
        Better = Changed.Where(k => Rank(a[k]) > Rank(b[k])).ToList();
        Other = Changed.Where(k => Rank(a[k]) == Rank(b[k])).ToList();
    }

    public ComparedRuns Before { get; }

    public ComparedRuns After { get; }

    public IReadOnlyList<string> Added { get; }

    public IReadOnlyList<string> Removed { get; }

    public IReadOnlyList<string> Changed { get; }

    /// <summary>Regressions: the exit status of compare is 1 when there is one.</summary>
    public IReadOnlyList<string> Worse { get; }

    /// <summary>Fixes.</summary>
    public IReadOnlyList<string> Better { get; }

    /// <summary>Changed without getting better or worse (errored to timeout, say).</summary>
    public IReadOnlyList<string> Other { get; }

    /// <summary>Outcomes of renamed or edited cases are not comparable one to one when the corpora differ.</summary>
    public bool SuitesDiffer => Before.SuiteHash != After.SuiteHash;

    /// <summary>How good an outcome is, for "got worse": a right verdict beats a skip beats anything broken.</summary>
    public static int Rank(Outcome outcome) => outcome switch
    {
        Outcome.Pass => 3,
        Outcome.PassVerdict => 2,
        Outcome.Skipped => 1,
        _ => 0,
    };
}
