using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Site;

/// <summary>One run (case × mode) as a results document records it: what was expected, what came back, how it ended.</summary>
public sealed record ResultsRun
{
    public required string Key { get; init; }

    public required string Id { get; init; }

    public required string Draft { get; init; }

    public required string Topic { get; init; }

    public string Operation { get; init; } = "";

    public IReadOnlyList<string> Rules { get; init; } = [];

    public IReadOnlyList<string> Flags { get; init; } = [];

    public string Description { get; init; } = "";

    public required Outcome Outcome { get; init; }

    /// <summary>False: never sent, the implementation did not declare what the case needs (recorded as skipped).</summary>
    public bool Declared { get; init; } = true;

    public JsonObject? Expected { get; init; }

    public JsonNode? Actual { get; init; }

    public string Detail { get; init; } = "";

    /// <summary>Sent and answered or failed: the denominator of both conformance ratios.</summary>
    public bool IsJudged => Declared && Outcome != Outcome.Skipped;

    /// <summary>Worth a look: declared and anything but a full pass.</summary>
    public bool IsAnomaly => Declared && Outcome != Outcome.Pass;

    /// <summary>
    /// A forgery let through: some token the case expects to be refused was answered valid. The
    /// judge aligns expected and actual results by position (one per token for verify), so this does too.
    /// </summary>
    public bool IsUnexpectedAccept
    {
        get
        {
            if (Outcome != Outcome.Fail || Expected is null || Actual is not JsonArray actual)
            {
                return false;
            }

            try
            {
                // A published results file is anyone's: an expected member that does not read holds no forgery to show.
                return AcceptedForgery.In(ExpectedResult.ListFromJson(Expected, Expected.ContainsKey("results"), "expected"), actual);
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
