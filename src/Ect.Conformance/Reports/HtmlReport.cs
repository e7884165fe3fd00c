using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>
/// One self-contained HTML page (inline CSS, no scripts, no external assets) so it can be attached
/// to a CI run or mailed: the summary, the rule × mode table, and every unexpected result with
/// its description, expected and actual answers and the messages that explain it.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#1d1d1f}
        h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
        table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.25em .6em;text-align:right}
        th:first-child,td:first-child,td.l{text-align:left}th{background:#f4f4f6}
        .pass{background:#e3f6e5}.pass-verdict{background:#f3f7d9}.fail{background:#fde2e1}.skipped{background:#eef0f3}
        .errored,.timeout,.crashed{background:#fde9cf}.zero{color:#bbb}
        .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:10em}
        .card b{display:block;font-size:1.7em}.ok{color:#17794a}.bad{color:#b3261e}
        .run{border:1px solid #e3c0bd;border-radius:6px;padding:.4em 1em;margin:1em 0}.run h3{font-size:1.05em;margin:.4em 0}
        pre{background:#f7f7f9;padding:.5em;overflow:auto;max-height:22em;white-space:pre-wrap;word-break:break-all}
        code{background:#f1f1f4;padding:0 .25em;border-radius:3px}.muted{color:#666}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}
        """;

    private static readonly Outcome[] Columns = Enum.GetValues<Outcome>();

    public static string Render(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = report.Results;
        var impl = results.Implementation;
        var html = new StringBuilder();
        var title = $"ECT conformance: {(impl is null ? "harness did not start" : $"{impl.Name} {impl.Version}")}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append($"<title>{E(title)}</title><style>{Style}</style></head><body>\n");
        html.Append($"<h1>{E(title)}</h1>\n<dl>");
        if (impl is not null)
        {
            Definition(html, "Implementation", $"{impl.Name} {impl.Version} ({impl.Language}){(impl.Homepage is null ? "" : $", {impl.Homepage}")}");
            Definition(html, "Declared", $"drafts {string.Join(", ", impl.Drafts)}; operations {string.Join(", ", impl.Operations)}; features {(impl.Features.Count == 0 ? "none" : string.Join(", ", impl.Features))}");
        }

        Definition(html, "Corpus", $"version {results.Suite.Version}, {results.Suite.Cases} cases, {results.Suite.Runs} runs, content hash {results.Suite.Hash}");
        Definition(html, "Runner", $"{ResultsDocument.RunnerName} {ResultsDocument.RunnerVersion}, started {results.Started:u}, {results.Duration.TotalSeconds:0.0} s, {results.Timeout.TotalSeconds:0.###} s per case");
        if (!results.Filter.IsEmpty)
        {
            Definition(html, "Filter", string.Join("; ", results.Filter.Describe().Select(p => $"{p.Key} {string.Join(", ", p.Value)}")));
        }

        if (results.StoppedEarly)
        {
            Definition(html, "Stopped early", $"fail-fast after {results.Runs.Count} of {results.Selected} runs");
        }

        if (report.Expectations.Source is { } source)
        {
            Definition(html, "Expectations", source);
        }

        html.Append("</dl>\n");
        if (results.StartError is { } startError)
        {
            html.Append($"<h2>The run could not be carried out</h2><pre>{E(startError)}</pre></body></html>\n");
            return html.ToString();
        }

        Summary(html, report);
        html.Append("<h2 id=\"rules\">By rule and mode</h2>\n");
        CountsTable(html, "rule", "mode", report.Summary.ByRuleAndMode.Select(p => (p.Key.Rule, p.Key.Draft, p.Value)));
        html.Append("<h2 id=\"topics\">By topic</h2>\n");
        CountsTable(html, "topic", null, report.Summary.ByTopic.Select(p => (p.Key, "", p.Value)));
        Failures(html, report);
        Deviations(html, report);
        if (!string.IsNullOrEmpty(results.HarnessLog))
        {
            html.Append($"<h2>Harness standard error (tail)</h2><pre>{E(results.HarnessLog)}</pre>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    public static void Write(ConformanceReport report, string path) => File.WriteAllText(path, Render(report));

    private static void Summary(StringBuilder html, ConformanceReport report)
    {
        var c = report.Summary.Overall;
        html.Append("<h2>Summary</h2>\n<div class=\"cards\">");
        Card(html, "verdict conformance", OutcomeCounts.Percent(c.VerdictConformance), $"pass + pass-verdict of {c.Judged} judged runs");
        Card(html, "diagnosis conformance", OutcomeCounts.Percent(c.DiagnosisConformance), "right verdict and right error code");
        var verdict = report.ExitCode == 0 ? "<b class=\"ok\">as expected</b>" : $"<b class=\"bad\">{report.Expectations.UnexpectedCount + report.Expectations.Stale.Count} unexpected</b>";
        html.Append($"<div class=\"card\">{verdict}<span class=\"muted\">exit status {report.ExitCode}</span></div>");
        html.Append("</div>\n<table><tr><th></th><th>runs</th>");
        foreach (var outcome in Columns)
        {
            html.Append($"<th>{outcome.ToWireName()}</th>");
        }

        html.Append($"</tr><tr><td>all runs</td><td>{c.Total}</td>");
        foreach (var outcome in Columns)
        {
            CountCell(html, outcome, c[outcome]);
        }

        html.Append("</tr></table>\n");
    }

    private static void CountsTable(StringBuilder html, string name, string? mode, IEnumerable<(string Name, string Mode, OutcomeCounts Counts)> rows)
    {
        html.Append($"<table><tr><th>{name}</th>{(mode is null ? "" : $"<th>{mode}</th>")}<th>runs</th>");
        foreach (var outcome in Columns)
        {
            html.Append($"<th>{outcome.ToWireName()}</th>");
        }

        html.Append("<th>verdict</th><th>diagnosis</th></tr>\n");
        foreach (var (rowName, rowMode, c) in rows)
        {
            html.Append($"<tr><td>{E(rowName)}</td>{(mode is null ? "" : $"<td class=\"l\">{E(rowMode)}</td>")}<td>{c.Total}</td>");
            foreach (var outcome in Columns)
            {
                CountCell(html, outcome, c[outcome]);
            }

            html.Append($"<td>{OutcomeCounts.Percent(c.VerdictConformance)}</td><td>{OutcomeCounts.Percent(c.DiagnosisConformance)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Failures(StringBuilder html, ConformanceReport report)
    {
        var unexpected = report.Unexpected.ToList();
        html.Append($"<h2 id=\"failures\">Unexpected results ({unexpected.Count})</h2>\n");
        if (unexpected.Count == 0)
        {
            html.Append("<p>None: every run passed or ended as its expectation says.</p>\n");
        }

        foreach (var result in unexpected)
        {
            var run = result.Run;
            var expectation = report.Expectations.For(result);
            html.Append($"<div class=\"run\" id=\"{E(run.Key)}\"><h3><code>{E(run.Key)}</code> <span class=\"{result.Outcome.ToWireName()}\">{result.Outcome.ToWireName()}</span></h3>");
            html.Append($"<p>{E(run.Case.Description)}</p><dl>");
            Definition(html, "Rules", string.Join(", ", run.Case.Rules));
            Definition(html, "Operation", $"{run.Case.Operation} (mode {run.Draft}, file {run.Case.Source})");
            Definition(html, "Expected", RunDescription.Expected(result));
            Definition(html, "Actual", RunDescription.Actual(result));
            Definition(html, "Why", result.Judgement.Detail);
            if (expectation.Entry is not null)
            {
                Definition(html, "Expectations", expectation.Note);
            }

            foreach (var message in RunDescription.Messages(result))
            {
                Definition(html, "Message", message);
            }

            html.Append("</dl>");
            Json(html, "expected (full)", run.Case.Expected);
            if (result.Judgement.Actual is { } actual)
            {
                Json(html, "actual (full)", actual);
            }

            if (result.Stderr is { } stderr)
            {
                html.Append($"<details open><summary>harness stderr</summary><pre>{E(stderr)}</pre></details>");
            }

            html.Append("</div>\n");
        }

        foreach (var stale in report.Expectations.Stale)
        {
            html.Append($"<div class=\"run\"><h3><code>{E(stale.Key)}</code> stale expectation</h3><p>The expectations file lists it as {stale.Entry.Outcome.ToWireName()} ({E(stale.Entry.Reason)}), but the suite has no such case or run: remove the entry.</p></div>\n");
        }
    }

    private static void Deviations(StringBuilder html, ConformanceReport report)
    {
        var known = report.KnownDeviations.ToList();
        if (known.Count > 0)
        {
            html.Append($"<h2 id=\"deviations\">Known deviations ({known.Count})</h2>\n<table><tr><th>run</th><th>outcome</th><th>actual</th><th>reason</th></tr>\n");
            foreach (var result in known)
            {
                var entry = report.Expectations.For(result).Entry!;
                var issue = entry.Issue is null ? "" : $" <a href=\"{E(entry.Issue)}\">{E(entry.Issue)}</a>";
                html.Append($"<tr><td><code>{E(result.Run.Key)}</code></td><td class=\"l {result.Outcome.ToWireName()}\">{result.Outcome.ToWireName()}</td><td class=\"l\">{E(RunDescription.Actual(result))}</td><td class=\"l\">{E(entry.Reason)}{issue}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        var notApplicable = report.NotApplicable.ToList();
        if (notApplicable.Count > 0)
        {
            html.Append($"<h2>Not sent ({notApplicable.Count})</h2>\n<p>These runs need a draft, operation or feature the implementation did not declare:</p><ul>");
            foreach (var group in notApplicable.GroupBy(r => r.Judgement.Detail))
            {
                html.Append($"<li>{E(group.Key)}: {group.Count()}</li>");
            }

            html.Append("</ul>\n");
        }
    }

    private static void Card(StringBuilder html, string label, string value, string note) =>
        html.Append($"<div class=\"card\"><span class=\"muted\">{E(label)}</span><b>{E(value)}</b><span class=\"muted\">{E(note)}</span></div>");

    private static void CountCell(StringBuilder html, Outcome outcome, int count) =>
        html.Append(count == 0 ? "<td class=\"zero\">0</td>" : $"<td class=\"{outcome.ToWireName()}\">{count}</td>");

    private static void Definition(StringBuilder html, string term, string value) => html.Append($"<dt>{E(term)}</dt><dd>{E(value)}</dd>");

    private static void Json(StringBuilder html, string label, JsonNode node) =>
        html.Append($"<details><summary>{E(label)}</summary><pre>{E(Protocol.JsonText.Pretty(node))}</pre></details>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
