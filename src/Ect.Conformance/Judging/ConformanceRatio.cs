namespace Ect.Conformance.Judging;

/// <summary>The two ratios of harness protocol §3, computed here once for the reports and the site.</summary>
public static class ConformanceRatio
{
    /// <summary>Verdict conformance: (pass + pass-verdict) / judged; null when nothing was judged.</summary>
    public static double? Verdict(int pass, int passVerdict, int judged) => judged == 0 ? null : (double)(pass + passVerdict) / judged;

    /// <summary>Diagnosis conformance: pass / judged; null when nothing was judged.</summary>
    public static double? Diagnosis(int pass, int judged) => judged == 0 ? null : (double)pass / judged;
}
