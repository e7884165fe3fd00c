using System.Text.Json.Nodes;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>Short texts for what a run expected and what it got: "invalid dag_cycle", "[valid, invalid replay]".</summary>
public static class RunDescription
{
    public static string Expected(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            var expected = Judge.ExpectedResults(result.Run.Case);
            var parts = expected.Select(Describe).ToList();
            return parts.Count == 1 && result.Run.Case.Operation != Cases.CaseOperation.Verify ? parts[0] : $"[{string.Join(", ", parts)}]";
        }
        catch (FormatException e)
        {
            return $"(unreadable: {e.Message})";
        }
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

    private static string Describe(JsonObject result)
    {
        var verdict = result["result"] is JsonValue v && v.TryGetValue<string>(out var r) ? r : "?";
        IReadOnlyList<string> codes;
        try
        {
            codes = Judge.AllowedErrors(result);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A harness may send anything as error codes; the report shows the verdict alone then.
            codes = [];
        }

        if (verdict == "valid" || codes.Count == 0)
        {
            return verdict;
        }

        return $"{verdict} {string.Join("|", codes)}";
    }
}
