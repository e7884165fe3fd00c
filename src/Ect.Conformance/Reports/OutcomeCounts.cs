using Ect.Conformance.Judging;

namespace Ect.Conformance.Reports;

/// <summary>Outcome counts for a group of runs, with the two conformance ratios of harness protocol §3.</summary>
public sealed class OutcomeCounts
{
    private readonly int[] _counts = new int[Enum.GetValues<Outcome>().Length];

    public int this[Outcome outcome] => _counts[(int)outcome];

    public int Total { get; private set; }

    /// <summary>Runs that were sent and not skipped: the denominator of both ratios.</summary>
    public int Judged => Total - this[Outcome.Skipped];

    /// <summary>Errored, timed out or crashed: the implementation gave no judgeable answer.</summary>
    public int Broken => this[Outcome.Errored] + this[Outcome.Timeout] + this[Outcome.Crashed];

    /// <summary>Right verdict (pass or pass-verdict) over judged runs; null when nothing was judged.</summary>
    public double? VerdictConformance => ConformanceRatio.Verdict(this[Outcome.Pass], this[Outcome.PassVerdict], Judged);

    /// <summary>Right verdict and right error code (pass only) over judged runs.</summary>
    public double? DiagnosisConformance => ConformanceRatio.Diagnosis(this[Outcome.Pass], Judged);

    public void Add(Outcome outcome)
    {
        _counts[(int)outcome]++;
        Total++;
    }

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a";
}
