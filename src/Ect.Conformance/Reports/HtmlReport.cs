using System.Text;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;
using static Ect.Conformance.Reports.Html;

namespace Ect.Conformance.Reports;

/// <summary>
/// One self-contained HTML page (inline CSS and script, no external assets) so it can be attached
/// to a CI run or mailed: a table of contents, the summary, the rule × mode and topic tables whose
/// cells link to their failures, every unexpected result grouped by rule and worst first with its
/// input and flag notes, and the text of every rule it names.
/// </summary>
public static class HtmlReport
{
    private static readonly Outcome[] Columns = Enum.GetValues<Outcome>();

    public static string Render(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = report.Results;
        var impl = results.Implementation;
        var html = new StringBuilder();
        var title = $"ECT conformance: {(impl is null ? "harness did not start" : $"{impl.Name} {impl.Version}")}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append($"<title>{E(title)}</title><style>{HtmlAssets.Style}</style></head><body>\n");
        html.Append($"<h1>{E(title)}</h1>\n<dl>");
        if (impl is not null)
        {
            DefinitionHtml(html, "Implementation", $"{E($"{impl.Name} {impl.Version} ({impl.Language})")}{(impl.Homepage is null ? "" : $", {LinkIfUrl(impl.Homepage)}")}");
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

        var known = report.KnownDeviations.ToList();
        var notApplicable = report.NotApplicable.ToList();
        Contents(html, report, known.Count > 0, notApplicable.Count > 0, !string.IsNullOrEmpty(results.HarnessLog));
        Summary(html, report);
        var unexpected = report.Unexpected.ToList();
        html.Append("<h2 id=\"rules\">By rule and mode</h2>\n<p class=\"muted\">A rule links to its text; a count that is not a pass, and the last column, to those failures.</p>\n");
        CountsTable(html, "rule", true, report.Summary.ByRuleAndMode.Select(p => (p.Key.Rule, p.Key.Draft, p.Value,
            unexpected.Count(r => r.Run.Draft == p.Key.Draft && r.Run.Case.Rules.Contains(p.Key.Rule)))));
        html.Append("<h2 id=\"topics\">By topic</h2>\n");
        CountsTable(html, "topic", false, report.Summary.ByTopic.Select(p => (p.Key, "", p.Value, unexpected.Count(r => r.Run.Case.Topic == p.Key))));
        HtmlFailureSection.Render(html, report);
        Deviations(html, report, known, notApplicable);
        if (!string.IsNullOrEmpty(results.HarnessLog))
        {
            html.Append($"<h2 id=\"harness-log\">Harness standard error (tail)</h2><pre>{E(results.HarnessLog)}</pre>\n");
        }

        RulesAppendix(html, report);
        html.Append($"<script>{HtmlAssets.Script}</script>\n</body></html>\n");
        return html.ToString();
    }

    public static void Write(ConformanceReport report, string path) => File.WriteAllText(path, Render(report));

    private static void Contents(StringBuilder html, ConformanceReport report, bool known, bool notApplicable, bool harnessLog)
    {
        var unexpected = report.UnexpectedWorstFirst;
        html.Append("<nav class=\"toc\" id=\"contents\"><b>Contents</b><ol>")
            .Append("<li><a href=\"#summary\">Summary</a></li>")
            .Append("<li><a href=\"#rules\">By rule and mode</a></li>")
            .Append("<li><a href=\"#topics\">By topic</a></li>")
            .Append($"<li><a href=\"#failures\">Unexpected results ({unexpected.Count})</a>");
        var kinds = unexpected.GroupBy(FailureKinds.Of).ToList();
        if (kinds.Count > 0)
        {
            html.Append("<ol>");
            foreach (var kind in kinds)
            {
                html.Append($"<li><a href=\"{FilterLink(("kind", kind.Key.ToWireName()))}\">{E(kind.Key.Label())} ({kind.Count()})</a></li>");
            }

            html.Append("</ol>");
        }

        html.Append("</li>");
        if (known)
        {
            html.Append("<li><a href=\"#deviations\">Known deviations</a></li>");
        }

        if (notApplicable)
        {
            html.Append("<li><a href=\"#not-sent\">Not sent</a></li>");
        }

        if (harnessLog)
        {
            html.Append("<li><a href=\"#harness-log\">Harness standard error</a></li>");
        }

        html.Append("<li><a href=\"#profile-rules\">Rules of the profile</a></li></ol></nav>\n");
    }

    private static void Summary(StringBuilder html, ConformanceReport report)
    {
        var c = report.Summary.Overall;
        html.Append("<h2 id=\"summary\">Summary</h2>\n<div class=\"cards\">");
        Card(html, "verdict conformance", OutcomeCounts.Percent(c.VerdictConformance), $"pass + pass-verdict of {c.Judged} judged runs");
        Card(html, "diagnosis conformance", OutcomeCounts.Percent(c.DiagnosisConformance), "right verdict and right error code");
        var verdict = report.ExitCode == 0 ? "<b class=\"ok\">as expected</b>" : $"<b class=\"bad\">{report.Expectations.UnexpectedCount + report.Expectations.Stale.Count} unexpected</b>";
        html.Append($"<div class=\"card\">{verdict}<span class=\"muted\">exit status {report.ExitCode}</span></div>");
        var forgeries = report.Unexpected.Count(r => FailureKinds.Of(r) == FailureKind.AcceptedForgery);
        if (forgeries > 0)
        {
            html.Append($"<div class=\"card\"><a class=\"bad\" href=\"{FilterLink(("kind", FailureKind.AcceptedForgery.ToWireName()))}\"><b>{forgeries}</b></a><span class=\"muted\">accepted forger{(forgeries == 1 ? "y" : "ies")}</span></div>");
        }

        html.Append("</div>\n<table><tr><th></th><th>runs</th>");
        foreach (var outcome in Columns)
        {
            html.Append($"<th>{outcome.ToWireName()}</th>");
        }

        html.Append($"</tr><tr><td>all runs</td><td>{c.Total}</td>");
        foreach (var outcome in Columns)
        {
            CountCell(html, outcome, c[outcome], outcome == Outcome.Pass ? null : FilterLink(("outcome", outcome.ToWireName())));
        }

        html.Append("</tr></table>\n");
    }

    private static void CountsTable(StringBuilder html, string name, bool byMode, IEnumerable<(string Name, string Mode, OutcomeCounts Counts, int Unexpected)> rows)
    {
        html.Append($"<table><tr><th>{name}</th>{(byMode ? "<th>mode</th>" : "")}<th>runs</th>");
        foreach (var outcome in Columns)
        {
            html.Append($"<th>{outcome.ToWireName()}</th>");
        }

        html.Append("<th>verdict</th><th>diagnosis</th><th>unexpected</th></tr>\n");
        foreach (var (rowName, rowMode, c, unexpected) in rows)
        {
            var filter = byMode ? new[] { ("rule", rowName), ("mode", rowMode) } : new[] { ("topic", rowName) };
            html.Append($"<tr><td>{(byMode ? Rule(rowName) : $"<a href=\"{FilterLink(filter)}\">{E(rowName)}</a>")}</td>{(byMode ? $"<td class=\"l\">{E(rowMode)}</td>" : "")}<td>{c.Total}</td>");
            foreach (var outcome in Columns)
            {
                CountCell(html, outcome, c[outcome], outcome == Outcome.Pass ? null : FilterLink([.. filter, ("outcome", outcome.ToWireName())]));
            }

            html.Append($"<td>{OutcomeCounts.Percent(c.VerdictConformance)}</td><td>{OutcomeCounts.Percent(c.DiagnosisConformance)}</td>")
                .Append(unexpected == 0 ? "<td class=\"zero\">0</td>" : $"<td class=\"fail\"><a href=\"{FilterLink(filter)}\">{unexpected}</a></td>")
                .Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Deviations(StringBuilder html, ConformanceReport report, List<RunResult> known, List<RunResult> notApplicable)
    {
        if (known.Count > 0)
        {
            html.Append($"<h2 id=\"deviations\">Known deviations ({known.Count})</h2>\n<table><tr><th>run</th><th>outcome</th><th>actual</th><th>reason</th></tr>\n");
            foreach (var result in known)
            {
                var entry = report.Expectations.For(result).Entry!;
                var issue = entry.Issue is null ? "" : $" {LinkIfUrl(entry.Issue)}";
                html.Append($"<tr><td><code>{E(result.Run.Key)}</code></td><td class=\"l {result.Outcome.ToWireName()}\">{result.Outcome.ToWireName()}</td><td class=\"l\">{E(RunDescription.Actual(result))}</td><td class=\"l\">{E(entry.Reason)}{issue}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (notApplicable.Count > 0)
        {
            html.Append($"<h2 id=\"not-sent\">Not sent ({notApplicable.Count})</h2>\n<p>These runs need a draft, operation or feature the implementation did not declare:</p><ul>");
            foreach (var group in notApplicable.GroupBy(r => r.Judgement.Detail))
            {
                html.Append($"<li>{E(group.Key)}: {group.Count()}</li>");
            }

            html.Append("</ul>\n");
        }
    }

    /// <summary>The text of every rule the page names, from the embedded profile, so each rule link resolves inside the page.</summary>
    private static void RulesAppendix(StringBuilder html, ConformanceReport report)
    {
        var profile = ProfileRules.Embedded;
        var rules = report.Summary.ByRule.Keys;
        html.Append("<h2 id=\"profile-rules\">Rules of the profile</h2>\n<p class=\"muted\">From the conformance profile this runner was built with (<code>profile.md</code>).</p>\n<dl class=\"rules\">");
        foreach (var rule in rules)
        {
            var text = profile.Text(rule);
            html.Append($"<dt id=\"rule-{E(ProfileRules.Anchor(rule))}\">{E(rule)}</dt><dd>{(text is null ? "<span class=\"muted\">(not in this copy of the profile)</span>" : MarkdownInline(text))}</dd>");
        }

        html.Append("</dl>\n");
    }

    private static void Card(StringBuilder html, string label, string value, string note) =>
        html.Append($"<div class=\"card\"><span class=\"muted\">{E(label)}</span><b>{E(value)}</b><span class=\"muted\">{E(note)}</span></div>");

    private static void CountCell(StringBuilder html, Outcome outcome, int count, string? link) =>
        html.Append(count == 0 ? "<td class=\"zero\">0</td>"
            : link is null ? $"<td class=\"{outcome.ToWireName()}\">{count}</td>"
            : $"<td class=\"{outcome.ToWireName()}\"><a href=\"{link}\">{count}</a></td>");
}
