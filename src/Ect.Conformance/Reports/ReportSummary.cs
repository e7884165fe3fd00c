using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>Outcome counts overall, per topic, per rule and per rule and mode, each sorted by name.</summary>
public sealed class ReportSummary
{
    private ReportSummary()
    {
    }

    public OutcomeCounts Overall { get; } = new();

    public SortedDictionary<string, OutcomeCounts> ByTopic { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, OutcomeCounts> ByRule { get; } = new(RuleIdComparer.Instance);

    /// <summary>Key: (rule, mode).</summary>
    public SortedDictionary<(string Rule, string Draft), OutcomeCounts> ByRuleAndMode { get; } =
        new(Comparer<(string Rule, string Draft)>.Create((a, b) =>
        {
            var byRule = RuleIdComparer.Instance.Compare(a.Rule, b.Rule);
            return byRule != 0 ? byRule : string.CompareOrdinal(a.Draft, b.Draft);
        }));

    public static ReportSummary Of(IEnumerable<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var summary = new ReportSummary();
        foreach (var run in runs)
        {
            summary.Overall.Add(run.Outcome);
            Group(summary.ByTopic, run.Run.Case.Topic).Add(run.Outcome);
            foreach (var rule in run.Run.Case.Rules.Distinct())
            {
                Group(summary.ByRule, rule).Add(run.Outcome);
                Group(summary.ByRuleAndMode, (rule, run.Run.Draft)).Add(run.Outcome);
            }
        }

        return summary;
    }

    private static OutcomeCounts Group<TKey>(SortedDictionary<TKey, OutcomeCounts> groups, TKey key)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var counts))
        {
            counts = new OutcomeCounts();
            groups[key] = counts;
        }

        return counts;
    }
}
