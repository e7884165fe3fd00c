using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;
using static Ect.Conformance.Reports.Html;

namespace Ect.Conformance.Reports;

/// <summary>
/// The page's unexpected results: filter controls, then one group per rule (a run counts under its
/// first rule), groups and entries worst first, each entry with the case's input and its flags' notes.
/// </summary>
internal static class HtmlFailureSection
{
    public static void Render(StringBuilder html, ConformanceReport report)
    {
        var unexpected = report.UnexpectedWorstFirst;
        html.Append($"<h2 id=\"failures\">Unexpected results ({unexpected.Count})</h2>\n");
        if (unexpected.Count == 0)
        {
            html.Append("<p>None: every run passed or ended as its expectation says.</p>\n");
        }
        else
        {
            var forgeries = unexpected.Count(r => FailureKinds.Of(r) == FailureKind.AcceptedForgery);
            if (forgeries > 0)
            {
                html.Append($"<p class=\"bad\"><b>{forgeries} accepted forger{(forgeries == 1 ? "y" : "ies")}</b>: tokens the profile requires to be rejected were accepted. They are listed first.</p>\n");
            }

            Filters(html, unexpected);
            var groups = unexpected
                .GroupBy(r => r.Run.Case.Rules.Count > 0 ? r.Run.Case.Rules[0] : "(no rule)")
                .OrderBy(g => g.Min(FailureKinds.Of))
                .ThenBy(g => g.Key, RuleIdComparer.Instance);
            foreach (var group in groups)
            {
                html.Append($"<section class=\"group\" id=\"fail-{E(ProfileRules.Anchor(group.Key))}\"><h3 class=\"rule\">{Rule(group.Key)} <span class=\"muted\">({group.Count()})</span></h3>\n");
                foreach (var result in group)
                {
                    Entry(html, report, result);
                }

                html.Append("</section>\n");
            }
        }

        foreach (var stale in report.Expectations.Stale)
        {
            html.Append($"<div class=\"run\"><h4><code>{E(stale.Key)}</code> stale expectation</h4><p>The expectations file lists it as {stale.Entry.Outcome.ToWireName()} ({E(stale.Entry.Reason)}), but the suite has no such case or run: remove the entry.</p></div>\n");
        }
    }

    private static void Filters(StringBuilder html, IReadOnlyList<RunResult> unexpected)
    {
        html.Append("<form id=\"filters\" onsubmit=\"return false\"><b>Show</b> ");
        Select(html, "kind", "kind", unexpected.Select(FailureKinds.Of).Distinct().Order().Select(k => (k.ToWireName(), k.Label())));
        Select(html, "outcome", "outcome", unexpected.Select(r => r.Outcome).Distinct().Order().Select(o => (o.ToWireName(), o.ToWireName())));
        Select(html, "rule", "rule", unexpected.SelectMany(r => r.Run.Case.Rules).Distinct().Order(RuleIdComparer.Instance).Select(r => (r, r)));
        Select(html, "mode", "mode", unexpected.Select(r => r.Run.Draft).Distinct().Order(StringComparer.Ordinal).Select(d => (d, d)));
        Select(html, "topic", "topic", unexpected.Select(r => r.Run.Case.Topic).Distinct().Order(StringComparer.Ordinal).Select(t => (t, t)));
        html.Append("<button type=\"button\">show all</button> <span id=\"shown\" class=\"muted\"></span></form>\n");
    }

    private static void Select(StringBuilder html, string name, string label, IEnumerable<(string Value, string Text)> options)
    {
        html.Append($"<label>{E(label)} <select name=\"{name}\"><option value=\"\">all</option>");
        foreach (var (value, text) in options)
        {
            html.Append($"<option value=\"{E(value)}\">{E(text)}</option>");
        }

        html.Append("</select></label>");
    }

    private static void Entry(StringBuilder html, ConformanceReport report, RunResult result)
    {
        var run = result.Run;
        var kind = FailureKinds.Of(result);
        var outcome = result.Outcome.ToWireName();
        var bugTypes = report.BugTypes(result);
        html.Append($"<div class=\"run {kind.ToWireName()}\" id=\"{E(run.Key)}\" data-key=\"{E(run.Key)}\" data-kind=\"{kind.ToWireName()}\" data-outcome=\"{outcome}\"")
            .Append($" data-rule=\"{E(string.Join(' ', run.Case.Rules))}\" data-mode=\"{E(run.Draft)}\" data-topic=\"{E(run.Case.Topic)}\">");
        html.Append($"<h4><code>{E(run.Key)}</code> <span class=\"badge {outcome}\">{outcome}</span><span class=\"badge {kind.ToWireName()}\">{E(kind.Label())}</span>");
        foreach (var bugType in bugTypes)
        {
            html.Append($"<span class=\"badge {E(bugType)}\">{E(bugType)}</span>");
        }

        html.Append($"</h4><p>{E(run.Case.Description)}</p><dl>");
        DefinitionHtml(html, "Rules", Rules(run.Case.Rules));
        Definition(html, "Operation", $"{run.Case.Operation} (mode {run.Draft}, file {run.Case.Source})");
        Definition(html, "Expected", RunDescription.Expected(result));
        Definition(html, "Actual", RunDescription.Actual(result));
        Definition(html, "Why", result.Judgement.Detail);
        var expectation = report.Expectations.For(result);
        if (expectation.Entry is not null)
        {
            Definition(html, "Expectations", expectation.Note);
        }

        foreach (var message in RunDescription.Messages(result))
        {
            Definition(html, "Message", message);
        }

        var notes = report.Notes.For(run.Case.Flags);
        var unexplained = run.Case.Flags.Where(f => report.Notes.For(f) is null).ToList();
        if (notes.Count > 0 || unexplained.Count > 0)
        {
            var flags = new StringBuilder();
            foreach (var note in notes)
            {
                flags.Append($"<div class=\"flag {E(note.BugType)}\"><b>{E(note.Name)}</b> <span class=\"badge {E(note.BugType)}\">{E(note.BugType)}</span> {E(note.Description)}<br><span class=\"muted\">Effect:</span> {E(note.Effect)}");
                foreach (var link in note.Links)
                {
                    flags.Append($" <a href=\"{E(link)}\">{E(link)}</a>");
                }

                flags.Append("</div>");
            }

            foreach (var flag in unexplained)
            {
                flags.Append($"<div class=\"flag\"><b>{E(flag)}</b></div>");
            }

            DefinitionHtml(html, "Flags", flags.ToString());
        }

        html.Append("</dl>");
        html.Append("<details open><summary>input</summary><dl>");
        foreach (var part in CaseInputView.Of(run))
        {
            DefinitionHtml(html, part.Label, $"<pre>{E(part.Text)}</pre>");
        }

        html.Append("</dl></details>");
        Json(html, "expected (full)", run.Case.ExpectedJson());
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

    private static void Json(StringBuilder html, string label, JsonNode node) =>
        html.Append($"<details><summary>{E(label)}</summary><pre>{E(ReadableJson.Text(node))}</pre></details>");
}
