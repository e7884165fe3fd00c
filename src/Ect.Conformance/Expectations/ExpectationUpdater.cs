using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Expectations;

/// <summary>
/// Rewrites an expectations file from a run (WPT's update-expectations): every declared run that
/// did not pass gets an entry, reasons are kept where the outcome is unchanged and marked
/// <see cref="ExpectationFile.TodoReason"/> otherwise, entries of cases this run did not select are
/// kept as they are, and entries naming no case of the suite are dropped.
/// </summary>
public static class ExpectationUpdater
{
    public static ExpectationFile Rewrite(ExpectationFile old, RunResults results, VectorSuite suite)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(suite);
        var stale = ExpectationEvaluator.FindStale(old, suite).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var ran = results.Runs.Select(r => r.Run.Case.Id).ToHashSet(StringComparer.Ordinal);
        var entries = new Dictionary<string, Expectation>(StringComparer.Ordinal);

        foreach (var (key, entry) in old.Entries)
        {
            if (!stale.Contains(key) && !ran.Contains(CaseIdOf(key)))
            {
                entries[key] = entry;
            }
        }

        foreach (var group in results.Runs.GroupBy(r => r.Run.Case.Id, StringComparer.Ordinal))
        {
            var deviating = group.Where(r => r.Declared && r.Outcome != Outcome.Pass).ToList();
            if (deviating.Count == 0)
            {
                continue;
            }

            var vectorCase = deviating[0].Run.Case;
            var oneOutcome = deviating.Select(r => r.Outcome).Distinct().Count() == 1;
            var everyMode = deviating.Count == vectorCase.Drafts.Count;
            var hadPerRunEntries = vectorCase.Runs().Any(r => old.Entries.ContainsKey(r.Key));
            if (oneOutcome && everyMode && (old.Entries.ContainsKey(vectorCase.Id) || !hadPerRunEntries))
            {
                entries[vectorCase.Id] = Carry(old.Find(deviating[0].Run), deviating[0].Outcome);
                continue;
            }

            foreach (var result in deviating)
            {
                entries[result.Run.Key] = Carry(old.Find(result.Run), result.Outcome);
            }
        }

        return new ExpectationFile(entries);
    }

    private static Expectation Carry((string Key, Expectation Entry)? previous, Outcome outcome) =>
        previous is { } p && p.Entry.Outcome == outcome
            ? p.Entry
            : new Expectation(outcome, ExpectationFile.TodoReason, previous?.Entry.Issue);

    private static string CaseIdOf(string key)
    {
        var at = key.LastIndexOf('@');
        return at > 0 && key.Length - at == 3 ? key[..at] : key;
    }
}
