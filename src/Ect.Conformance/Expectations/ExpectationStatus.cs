namespace Ect.Conformance.Expectations;

/// <summary>How a run's outcome compares with what was expected of it.</summary>
public enum ExpectationStatus
{
    /// <summary>It passed and nothing else was listed, or it ended as its entry says.</summary>
    Expected,

    /// <summary>It did not pass and is not listed, or it is listed and ended otherwise (a listed deviation that no longer occurs included).</summary>
    Unexpected,

    /// <summary>It was not sent because the implementation did not declare what it needs; it neither passes nor fails the run.</summary>
    NotApplicable,
}

public static class ExpectationStatuses
{
    public static string ToWireName(this ExpectationStatus status) => status switch
    {
        ExpectationStatus.Expected => "expected",
        ExpectationStatus.Unexpected => "unexpected",
        ExpectationStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
