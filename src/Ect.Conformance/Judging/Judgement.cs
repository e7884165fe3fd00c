using System.Text.Json.Nodes;

namespace Ect.Conformance.Judging;

/// <summary>The judge's decision on one run, with enough context for a report to explain it.</summary>
public sealed record Judgement(Outcome Outcome, string Detail)
{
    /// <summary>What the implementation answered (the results array), when it answered.</summary>
    public JsonArray? Actual { get; init; }

    /// <summary>The error codes the implementation gave, in result order (null for accepted tokens).</summary>
    public IReadOnlyList<string?> ActualErrors { get; init; } = [];

    /// <summary>What of <see cref="Actual"/> was left out to keep it small (<see cref="KeptReply"/>); null when it is whole.</summary>
    public string? ActualCut { get; init; }
}
