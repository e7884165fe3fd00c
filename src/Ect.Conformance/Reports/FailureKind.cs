using System.Text.Json.Nodes;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>How bad an unexpected result is, worst first: the order the reports list failures in.</summary>
public enum FailureKind
{
    /// <summary>Expected invalid, answered valid: the implementation let a forged or broken token through.</summary>
    AcceptedForgery,

    /// <summary>Any other wrong verdict or wrong output (a valid token refused, a wrong payload).</summary>
    WrongVerdict,

    /// <summary>Errored, timed out or crashed: no judgeable answer.</summary>
    Broken,

    /// <summary>Right verdict, other error code: only the diagnosis differs.</summary>
    DiagnosisOnly,

    /// <summary>Skipped, or a pass where the expectations file listed a deviation.</summary>
    Other,
}

public static class FailureKinds
{
    /// <summary>The report name: <c>accepted-forgery</c>, <c>wrong-verdict</c>, …</summary>
    public static string ToWireName(this FailureKind kind) => kind switch
    {
        FailureKind.AcceptedForgery => "accepted-forgery",
        FailureKind.WrongVerdict => "wrong-verdict",
        FailureKind.Broken => "broken",
        FailureKind.DiagnosisOnly => "diagnosis-only",
        _ => "other",
    };

    /// <summary>For people: "accepted forgery", "wrong verdict", "errored, timeout or crash", …</summary>
    public static string Label(this FailureKind kind) => kind switch
    {
        FailureKind.AcceptedForgery => "accepted forgery",
        FailureKind.WrongVerdict => "wrong verdict",
        FailureKind.Broken => "no judgeable answer",
        FailureKind.DiagnosisOnly => "diagnosis only",
        _ => "other",
    };

    public static FailureKind Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            Outcome.Fail => AcceptsInvalid(result) ? FailureKind.AcceptedForgery : FailureKind.WrongVerdict,
            Outcome.Errored or Outcome.Timeout or Outcome.Crashed => FailureKind.Broken,
            Outcome.PassVerdict => FailureKind.DiagnosisOnly,
            _ => FailureKind.Other,
        };
    }

    /// <summary>True when some result the case expects to be invalid was answered valid.</summary>
    private static bool AcceptsInvalid(RunResult result)
    {
        if (result.Judgement.Actual is not { } actual)
        {
            return false;
        }

        return AcceptedForgery.In(result.Run.Case.Expected, actual);
    }
}
