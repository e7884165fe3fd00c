namespace Ect.Conformance.Judging;

/// <summary>How one case (in one mode) ended (harness protocol §3).</summary>
public enum Outcome
{
    /// <summary>Verdict and diagnosis (error code) right.</summary>
    Pass,

    /// <summary>Verdict right, error code <c>unknown</c> or different.</summary>
    PassVerdict,

    /// <summary>Wrong verdict, or an accepted token's output differs from the expected one.</summary>
    Fail,

    Skipped,

    /// <summary>The implementation reported an error, or its reply broke the protocol.</summary>
    Errored,

    Timeout,

    Crashed,
}

public static class Outcomes
{
    /// <summary>
    /// How bad a token's outcome is when a multi-token case takes the worst of them: a wrong verdict
    /// outranks a token that could not be judged, so an accepted forgery is never hidden behind it.
    /// Skipped, timeout and crashed end a whole run, never one token, and rank beside errored.
    /// </summary>
    public static int Severity(Outcome outcome) => outcome switch
    {
        Outcome.Pass => 0,
        Outcome.PassVerdict => 1,
        Outcome.Skipped => 2,
        Outcome.Errored or Outcome.Timeout or Outcome.Crashed => 3,
        Outcome.Fail => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>The report name: <c>pass</c>, <c>pass-verdict</c>, <c>fail</c>, …</summary>
    public static string ToWireName(this Outcome outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.PassVerdict => "pass-verdict",
        Outcome.Fail => "fail",
        Outcome.Skipped => "skipped",
        Outcome.Errored => "errored",
        Outcome.Timeout => "timeout",
        Outcome.Crashed => "crashed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static bool TryParse(string? name, out Outcome outcome)
    {
        foreach (var candidate in Enum.GetValues<Outcome>())
        {
            if (candidate.ToWireName() == name)
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = Outcome.Errored;
        return false;
    }

    /// <summary>True for the outcomes that count towards verdict conformance.</summary>
    public static bool IsVerdictCorrect(this Outcome outcome) => outcome is Outcome.Pass or Outcome.PassVerdict;
}
