using System.Globalization;
using System.Text;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Site;

/// <summary>
/// One implementation: badges, trend, history, and every anomaly of its latest run grouped by bug
/// type, accepted forgeries first, each with the case's input, both answers and the expectations
/// entry that would record it.
/// </summary>
public static class ImplementationPage
{
    // Past this an input is cut here and shown whole on its case page, so one page stays readable.
    private const int InputShown = 20_000;

    public static string Render(SiteData data, ImplementationHistory history)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(history);
        var path = SitePaths.Implementation(history);
        var root = SitePaths.ToRoot(path);
        var latest = history.Latest;
        var score = Score.Of(latest.Runs);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Text(latest.Label)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{Html.Text(latest.Language ?? "language not given")} · latest run {latest.Started:yyyy-MM-dd HH:mm} UTC · runner {Html.Text(latest.RunnerVersion)} · corpus {Html.Text(latest.SuiteVersion)} <code>{Html.Text(latest.SuiteHash)}</code></p>\n")
            .Append("<p class=\"badges\">");
        foreach (var kind in SiteBuilder.BadgeKinds)
        {
            body.Append(CultureInfo.InvariantCulture, $"<img src=\"{root}{SitePaths.Badge(history, kind)}\" alt=\"{kind} badge\">");
        }

        body.Append("</p>\n");
        if (latest.StartError is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"warn\">The harness never started: {Html.Text(latest.StartError)}</p>\n");
        }

        body.Append("<table><tr><th>verdict</th><th>diagnosis</th><th>judged</th><th>pass</th><th>pass-verdict</th><th>fail</th><th>errored</th><th>timeout</th><th>crashed</th><th>skipped</th><th>not declared</th><th>accepted forgeries</th></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{Score.Percent(score.Verdict)}</td><td class=\"num\">{Score.Percent(score.Diagnosis)}</td><td class=\"num\">{score.Judged}</td><td class=\"num\">{score.Pass}</td><td class=\"num\">{score.PassVerdict}</td><td class=\"num\">{score.Fail}</td><td class=\"num\">{score.Errored}</td><td class=\"num\">{score.Timeout}</td><td class=\"num\">{score.Crashed}</td><td class=\"num\">{score.Skipped}</td><td class=\"num\">{score.NotDeclared}</td><td class=\"num{(score.UnexpectedAccepts > 0 ? " bad" : "")}\">{score.UnexpectedAccepts}</td></tr></table>\n");

        History(body, history);

        var anomalies = latest.Runs.Where(r => r.IsAnomaly).ToList();
        var accepts = anomalies.Where(r => r.IsUnexpectedAccept).ToList();
        var rest = anomalies.Where(r => !r.IsUnexpectedAccept && r.Outcome != Outcome.Skipped).ToList();
        var skipped = anomalies.Where(r => r.Outcome == Outcome.Skipped).ToList();
        var groups = rest.GroupBy(r => BugTypes.Primary(r, data.Notes)).OrderBy(g => g.Key == BugTypes.Unclassified).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"anomalies\">Anomalies of the latest run ({anomalies.Count})</h2>\n");
        if (anomalies.Count == 0)
        {
            body.Append("<p>None: every declared run passed.</p>\n");
        }
        else
        {
            body.Append("<p>Each entry ends with the line that records it in an expectations file (<code>--expectations</code>); its reason is the judge's explanation until you write the cause. <a href=\"#expectations\">All of them together</a>.</p>\n<ul>")
                .Append(CultureInfo.InvariantCulture, $"<li><a href=\"#accepted\">Accepted forgeries</a> ({accepts.Count})</li>");
            foreach (var group in groups)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#bug-{Html.Text(SitePaths.Slug(group.Key))}\">{Html.Text(group.Key)}</a> ({group.Count()})</li>");
            }

            if (skipped.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#skipped\">Skipped</a> ({skipped.Count})</li>");
            }

            body.Append("</ul>\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"accepted\">Accepted forgeries ({accepts.Count})</h2>\n");
        body.Append(accepts.Count == 0 ? "<p>None: every token the cases expect to be refused was refused.</p>\n" : "<p class=\"bad\">Tokens the profile says to refuse, answered valid. These let an attacker in.</p>\n");
        foreach (var run in accepts)
        {
            Entry(body, data, run, root);
        }

        foreach (var group in groups)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"bug-{Html.Text(SitePaths.Slug(group.Key))}\">{Html.Text(group.Key)} ({group.Count()})</h2>\n");
            foreach (var run in group)
            {
                Entry(body, data, run, root);
            }
        }

        if (skipped.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"skipped\">Skipped by the implementation ({skipped.Count})</h2>\n");
            foreach (var run in skipped)
            {
                Entry(body, data, run, root);
            }
        }

        if (anomalies.Count > 0)
        {
            body.Append("<h2 id=\"expectations\">Expectations file</h2>\n<p>Every anomaly above as one expectations file, to hold this run's deviations as known:</p>\n")
                .Append(HtmlPage.CopyBlock("all-expectations", string.Join('\n', anomalies.Select(ExpectationEntry.Yaml)) + "\n"));
        }

        return HtmlPage.Render(path, history.Name, body.ToString());
    }

    private static void History(StringBuilder body, ImplementationHistory history)
    {
        body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"history\">History ({history.Runs.Count} run(s))</h2>\n");
        body.Append(history.Runs.Count > 1 ? TrendChart.Svg(history.Runs) : "<p class=\"muted\">One run so far; the trend appears with the next results document.</p>");
        body.Append("\n<table><tr><th>started</th><th>version</th><th>runner</th><th>corpus</th><th>verdict</th><th>diagnosis</th><th>judged</th><th>accepted forgeries</th></tr>\n");
        foreach (var run in history.Runs.Reverse())
        {
            var score = Score.Of(run.Runs);
            body.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"when\">{run.Started:yyyy-MM-dd HH:mm} UTC</td><td>{Html.Text(run.ImplementationVersion)}</td><td>{Html.Text(run.RunnerVersion)}</td><td>{Html.Text(run.SuiteVersion)} <code title=\"{Html.Text(run.SuiteHash)}\">{Html.Text(IndexPage.ShortHash(run.SuiteHash))}</code></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Score.Percent(score.Verdict)}</td><td class=\"num\">{Score.Percent(score.Diagnosis)}</td><td class=\"num\">{score.Judged}</td><td class=\"num\">{score.UnexpectedAccepts}</td></tr>\n");
        }

        body.Append("</table>\n");
    }

    private static void Entry(StringBuilder body, SiteData data, ResultsRun run, string root)
    {
        var anchor = SitePaths.RunAnchor(run.Key);
        var siteCase = data.Case(run.Id);
        body.Append(CultureInfo.InvariantCulture, $"<div class=\"entry{(run.IsUnexpectedAccept ? " accepts" : "")}\" id=\"{anchor}\">")
            .Append(CultureInfo.InvariantCulture, $"<h4><span class=\"tag {Html.OutcomeClass(run.Outcome.ToWireName())}\">{run.Outcome.ToWireName()}</span>")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{root}{SitePaths.Case(run.Id)}#{anchor}\">{Html.Text(run.Key)}</a></h4>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Html.Text(siteCase.Description)}<br><span class=\"muted\">rules {Html.Text(string.Join(", ", siteCase.Rules))} · operation {Html.Text(siteCase.Operation)}</span></p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p><b>Judge:</b> {Html.Text(run.Detail)}</p>\n");
        Flags(body, data, run.Flags);
        var input = siteCase.Vector is { } vector ? JsonText.Pretty(vector.Input, relaxed: true) : null;
        body.Append("<details><summary>input</summary>");
        if (input is null)
        {
            body.Append("<p class=\"muted\">Not in the corpus this site was built with.</p>");
        }
        else if (input.Length > InputShown)
        {
            body.Append(CultureInfo.InvariantCulture, $"<pre>{Html.Text(input[..InputShown])}…</pre><p class=\"muted\">{input.Length} characters; the whole input is on <a href=\"{root}{SitePaths.Case(run.Id)}\">the case page</a>.</p>");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<pre>{Html.Text(input)}</pre>");
        }

        body.Append("</details>\n")
            .Append(CultureInfo.InvariantCulture, $"<details open><summary>expected</summary><pre>{Html.Text(JsonText.Pretty(run.Expected, relaxed: true))}</pre></details>\n")
            .Append(CultureInfo.InvariantCulture, $"<details open><summary>answered</summary><pre>{Html.Text(JsonText.Pretty(run.Actual, relaxed: true))}</pre></details>\n")
            .Append(HtmlPage.CopyBlock("y-" + anchor, ExpectationEntry.Yaml(run)))
            .Append("</div>\n");
    }

    public static void Flags(StringBuilder body, SiteData data, IReadOnlyList<string> flags)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(flags);
        if (flags.Count == 0)
        {
            return;
        }

        body.Append("<ul>");
        foreach (var flag in flags)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li><code>{Html.Text(flag)}</code>");
            if (data.Notes.TryGetValue(flag, out var note))
            {
                body.Append(CultureInfo.InvariantCulture, $" <span class=\"tag\">{Html.Text(note.BugType)}</span> {Html.Text(note.Description)} <i>Effect:</i> {Html.Text(note.Effect)}");
            }

            body.Append("</li>");
        }

        body.Append("</ul>\n");
    }
}
