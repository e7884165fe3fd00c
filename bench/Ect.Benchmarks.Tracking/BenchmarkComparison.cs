using System.Globalization;
using System.Text;

namespace Ect.Benchmarks.Tracking;

/// <summary>One benchmark's ratio to the floor in the baseline run and in the new run.</summary>
public sealed record ComparisonRow(string Benchmark, double BaselineRatio, double CurrentRatio, bool Regressed)
{
    /// <summary>Relative change of the ratio: +0.25 is 25 % slower relative to the floor.</summary>
    public double Change => (CurrentRatio / BaselineRatio) - 1;
}

/// <summary>
/// Compares two runs benchmark by benchmark, by ratio to each run's own ECDSA floor — a figure
/// that survives a change of machine or a noisy neighbour far better than raw nanoseconds.
/// </summary>
public sealed class BenchmarkComparison
{
    private BenchmarkComparison(IReadOnlyList<ComparisonRow> rows, IReadOnlyList<string> added, IReadOnlyList<string> removed, double threshold)
    {
        Rows = rows;
        Added = added;
        Removed = removed;
        Threshold = threshold;
    }

    public IReadOnlyList<ComparisonRow> Rows { get; }

    public IReadOnlyList<string> Added { get; }

    public IReadOnlyList<string> Removed { get; }

    public double Threshold { get; }

    public bool HasRegression => Rows.Any(r => r.Regressed);

    /// <param name="baseline">The run to compare against (e.g. bench/baseline).</param>
    /// <param name="current">The new run.</param>
    /// <param name="threshold">The relative slowdown (0.10 = 10 %) past which a benchmark counts as regressed.</param>
    public static BenchmarkComparison Compare(BenchmarkRun baseline, BenchmarkRun current, double threshold = 0.10)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var rows = baseline.Means.Keys.Intersect(current.Means.Keys).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var before = baseline.Ratio(name);
                var after = current.Ratio(name);
                return new ComparisonRow(name, before, after, after > before * (1 + threshold));
            })
            .ToList();
        return new BenchmarkComparison(
            rows,
            current.Means.Keys.Except(baseline.Means.Keys).Order(StringComparer.Ordinal).ToList(),
            baseline.Means.Keys.Except(current.Means.Keys).Order(StringComparer.Ordinal).ToList(),
            threshold);
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| benchmark | baseline × floor | current × floor | change | |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var row in Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Benchmark} | {row.BaselineRatio:0.000} | {row.CurrentRatio:0.000} | {row.Change:+0.0%;-0.0%;0.0%} | {(row.Regressed ? "REGRESSED" : "")} |");
        }

        foreach (var name in Added)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | – | new | | |");
        }

        foreach (var name in Removed)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | removed | – | | |");
        }

        var regressed = Rows.Count(r => r.Regressed);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Rows.Count} compared, {regressed} regressed past {Threshold:0%}, {Added.Count} new, {Removed.Count} removed.");
        return text.ToString();
    }
}
