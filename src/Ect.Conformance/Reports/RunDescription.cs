using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>Short texts for what a run expected and what it got: "invalid dag_cycle", "[valid, invalid replay]".</summary>
public static class RunDescription
{
    public static string Expected(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = result.Run.Case.Expected.Select(Describe).ToList();
        return parts.Count == 1 && result.Run.Case.Operation != Cases.CaseOperation.Verify ? parts[0] : $"[{string.Join(", ", parts)}]";
    }

    public static string Actual(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Judgement.Actual is not { } actual)
        {
            return result.Outcome.ToWireName();
        }

        var parts = actual.Select(n => n is JsonObject o ? Describe(o) : Protocol.JsonText.Excerpt(n, 300)).ToList();
        var text = parts.Count == 1 && result.Run.Case.Operation != Cases.CaseOperation.Verify ? parts[0] : $"[{string.Join(", ", parts)}]";
        // Every format shows this line, so it is where a report says that the reply it holds is not whole.
        return result.Judgement.ActualCut is { } cut ? $"{text} ({cut})" : text;
    }

    /// <summary>The messages the implementation gave with its results (and the reply's own message when it gave no results).</summary>
    public static IReadOnlyList<string> Messages(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var messages = new List<string>();
        if (result.Judgement.Actual is { } actual)
        {
            messages.AddRange(actual.Select(n => n?["message"] is JsonValue v && v.TryGetValue<string>(out var m) ? m : null).OfType<string>());
        }

        // The judge already quotes an errored, skipped or crashed reply's message as its detail.
        if (result.ReplyMessage is { } reply && reply != result.Judgement.Detail)
        {
            messages.Add(reply);
        }

        return messages;
    }

    private static string Describe(ExpectedResult result) =>
        result.Codes.Count == 0 ? result.Verdict.ToWireName() : $"{result.Verdict.ToWireName()} {string.Join("|", result.Codes)}";

    // A harness may send anything: the verdict alone when its error is not a string.
    private static string Describe(JsonObject result)
    {
        var verdict = result["result"] is JsonValue v && v.TryGetValue<string>(out var r) ? r : "?";
        var codes = result["error"] is JsonValue e && e.TryGetValue<string>(out var code) ? [code]
            : result["errors"] is JsonArray list && list.All(n => n is JsonValue c && c.TryGetValue<string>(out _)) ? list.Select(n => n!.GetValue<string>()).ToList()
            : new List<string>();
        return verdict == "valid" || codes.Count == 0 ? verdict : $"{verdict} {string.Join("|", codes)}";
    }
}
