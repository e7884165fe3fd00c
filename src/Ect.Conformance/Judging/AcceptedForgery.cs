using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Judging;

/// <summary>
/// The worst failure a suite can report: a token the case expects to be refused, answered valid.
/// Decided here once, for the reports (from a run) and the site (from a results document), by
/// aligning expected and actual results by position, as the judge does (one per token for verify).
/// </summary>
public static class AcceptedForgery
{
    public static bool In(IReadOnlyList<ExpectedResult> expected, JsonArray actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (expected[i].Verdict == ExpectedVerdict.Invalid && Verdict(actual[i]) == "valid")
            {
                return true;
            }
        }

        return false;
    }

    private static string? Verdict(JsonNode? result) => Protocol.JsonText.TryGetString(result?["result"], out var s) ? s : null;
}
