using Ect.Conformance.Judging;

namespace Ect.Conformance.Site;

/// <summary>
/// Outcome counts of a group of runs and the two ratios of harness protocol §3, with the accepted
/// forgeries counted apart: a verdict percentage hides whether the wrong verdicts let attackers in.
/// </summary>
public sealed record Score
{
    public int Total { get; init; }

    public int NotDeclared { get; init; }

    public int Judged { get; init; }

    public int Pass { get; init; }

    public int PassVerdict { get; init; }

    public int Fail { get; init; }

    public int Skipped { get; init; }

    public int Errored { get; init; }

    public int Timeout { get; init; }

    public int Crashed { get; init; }

    public int UnexpectedAccepts { get; init; }

    /// <summary>(pass + pass-verdict) / judged; null when nothing was judged.</summary>
    public double? Verdict => ConformanceRatio.Verdict(Pass, PassVerdict, Judged);

    /// <summary>pass / judged.</summary>
    public double? Diagnosis => ConformanceRatio.Diagnosis(Pass, Judged);

    public static Score Of(IEnumerable<ResultsRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToList();
        int Count(Outcome outcome) => list.Count(r => r.Declared && r.Outcome == outcome);
        return new Score
        {
            Total = list.Count,
            NotDeclared = list.Count(r => !r.Declared),
            Judged = list.Count(r => r.IsJudged),
            Pass = Count(Outcome.Pass),
            PassVerdict = Count(Outcome.PassVerdict),
            Fail = Count(Outcome.Fail),
            Skipped = Count(Outcome.Skipped),
            Errored = Count(Outcome.Errored),
            Timeout = Count(Outcome.Timeout),
            Crashed = Count(Outcome.Crashed),
            UnexpectedAccepts = list.Count(r => r.IsUnexpectedAccept),
        };
    }

    /// <summary>
    /// A ratio as a percentage with one decimal, rounded down so that 100% means every judged run:
    /// 99.96% shown as 100.0% would hide a failure.
    /// </summary>
    public static string Percent(double? ratio) =>
        ratio is { } r ? (Math.Floor(r * 1000) / 10).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a";
}
