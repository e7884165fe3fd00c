using System.Text.Json.Nodes;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Site;

/// <summary>
/// The expectations-file line (docs/schemas/expectations.schema.json) that would hold a deviation as
/// known. The judge's explanation stands in for the reason, so the line is accepted as written and
/// still says what happened; replacing it with the real cause is the maintainer's job.
/// </summary>
public static class ExpectationEntry
{
    public const int MaxReason = 160;

    // Quotes stay readable as \" rather than \u0022; the text goes into a YAML file, and the page escapes it for HTML.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Yaml(ResultsRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var reason = run.Detail.Length > 0 ? run.Detail : run.Outcome.ToWireName();
        // A reason says why in a sentence; the judge quotes whole payloads, which belong on the page, not in the file.
        if (reason.Length > MaxReason)
        {
            reason = string.Concat(reason.AsSpan(0, MaxReason - 1), "…");
        }

        return $"{Quote(run.Key)}: {{ outcome: {run.Outcome.ToWireName()}, reason: {Quote(reason)} }}";
    }

    // A JSON string is a YAML double-quoted scalar, and its escapes keep the line on one line.
    private static string Quote(string text) => JsonValue.Create(text).ToJsonString(Relaxed);
}
