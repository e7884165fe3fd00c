namespace Ect.Conformance.Cases;

/// <summary>The wire names of <see cref="ExpectedVerdict"/>: the <c>result</c> member of an expected result.</summary>
public static class ExpectedVerdicts
{
    public static string ToWireName(this ExpectedVerdict verdict) => verdict switch
    {
        ExpectedVerdict.Valid => "valid",
        ExpectedVerdict.Invalid => "invalid",
        ExpectedVerdict.Acceptable => "acceptable",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static bool TryParse(string? name, out ExpectedVerdict verdict)
    {
        switch (name)
        {
            case "valid":
                verdict = ExpectedVerdict.Valid;
                return true;
            case "invalid":
                verdict = ExpectedVerdict.Invalid;
                return true;
            case "acceptable":
                verdict = ExpectedVerdict.Acceptable;
                return true;
            default:
                verdict = ExpectedVerdict.Valid;
                return false;
        }
    }
}
