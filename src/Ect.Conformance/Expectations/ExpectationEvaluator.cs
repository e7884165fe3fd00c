using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Expectations;

/// <summary>
/// Holds results against an expectations file, strictly (WPT and x509-limbo style): an unlisted
/// non-pass outcome fails, a listed outcome that did not happen (a deviation that is fixed now
/// included) fails, and an entry naming no case of the suite fails, so the file cannot rot.
/// </summary>
public static class ExpectationEvaluator
{
    public static ExpectationReport Evaluate(ExpectationFile file, RunResults results, VectorSuite suite, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(suite);
        var runs = new Dictionary<string, RunExpectation>(StringComparer.Ordinal);
        foreach (var result in results.Runs)
        {
            runs[result.Run.Key] = Evaluate(file.Find(result.Run), result);
        }

        return new ExpectationReport(runs, FindStale(file, suite), source)
        {
            Unexplained = file.Entries.Where(e => e.Value.Reason.Trim() == ExpectationFile.TodoReason).Select(e => e.Key).Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>One run against the entry that applies to it (none: it must pass).</summary>
    public static RunExpectation Evaluate((string Key, Expectation Entry)? found, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Outcome;
        if (found is not { } hit)
        {
            if (!result.Declared)
            {
                return new RunExpectation(ExpectationStatus.NotApplicable, null, null, result.Judgement.Detail);
            }

            return outcome == Outcome.Pass
                ? new RunExpectation(ExpectationStatus.Expected, null, null, "pass")
                : new RunExpectation(ExpectationStatus.Unexpected, null, null, $"{outcome.ToWireName()}, not listed in the expectations");
        }

        if (hit.Entry.Outcome == outcome)
        {
            return new RunExpectation(ExpectationStatus.Expected, hit.Entry, hit.Key, $"known deviation: {hit.Entry.Reason}");
        }

        var note = outcome == Outcome.Pass
            ? $"listed as {hit.Entry.Outcome.ToWireName()} under {hit.Key}, but it passes now: remove the entry (stale)"
            : $"listed as {hit.Entry.Outcome.ToWireName()} under {hit.Key}, but it ended {outcome.ToWireName()}";
        return new RunExpectation(ExpectationStatus.Unexpected, hit.Entry, hit.Key, note);
    }

    /// <summary>Entries whose key is neither a case id of the suite nor the key of one of its runs.</summary>
    public static IReadOnlyList<StaleExpectation> FindStale(ExpectationFile file, VectorSuite suite)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(suite);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in suite.Cases)
        {
            known.Add(c.Id);
            foreach (var run in c.Runs())
            {
                known.Add(run.Key);
            }
        }

        return file.Entries.Where(e => !known.Contains(e.Key)).Select(e => new StaleExpectation(e.Key, e.Value)).ToList();
    }
}
