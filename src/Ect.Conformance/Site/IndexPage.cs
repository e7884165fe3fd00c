using System.Globalization;
using System.Text;

namespace Ect.Conformance.Site;

/// <summary>The front page: every implementation's latest standing, then implementations × topics and × rules.</summary>
public static class IndexPage
{
    public static string Render(SiteData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var body = new StringBuilder();
        body.Append("<h1>ECT conformance results</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{data.Histories.Count} implementation(s), {data.Histories.Sum(h => h.Runs.Count)} results document(s). Built with corpus {Html.Text(data.Corpus.Version)} <code title=\"{Html.Text(data.Corpus.ContentHash)}\">{Html.Text(ShortHash(data.Corpus.ContentHash))}</code> ({data.Corpus.Cases.Count} cases). ")
            .Append("<b>Verdict</b> conformance is (pass + pass-verdict) / judged runs, <b>diagnosis</b> conformance pass / judged (judged: declared and not skipped). ")
            .Append("<b>Accepted</b> counts forgeries let through: runs expected invalid that the implementation answered valid.</p>\n");

        var hashes = data.Histories.Select(h => h.Latest.SuiteHash).Distinct().ToList();
        if (hashes.Count > 1 || hashes.Any(h => h != data.Corpus.ContentHash))
        {
            body.Append("<p class=\"warn\">Not every implementation was judged on the same corpus: compare the corpus columns before comparing the numbers.</p>\n");
        }

        body.Append("<h2 id=\"implementations\">Implementations</h2>\n<table>\n<tr><th>implementation</th><th>version</th><th>language</th><th>latest run</th><th>runs</th><th>verdict</th><th>diagnosis</th><th>judged</th><th>accepted forgeries</th><th>corpus</th><th>corpus hash</th><th>badges</th></tr>\n");
        foreach (var history in data.Histories)
        {
            var latest = history.Latest;
            var score = Score.Of(latest.Runs);
            body.Append("<tr>")
                .Append(CultureInfo.InvariantCulture, $"<td><a href=\"{SitePaths.Implementation(history)}\">{Html.Text(history.Name)}</a></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Html.Text(latest.ImplementationVersion)}</td><td>{Html.Text(latest.Language)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"when\">{latest.Started:yyyy-MM-dd HH:mm} UTC</td><td class=\"num\">{history.Runs.Count}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Score.Percent(score.Verdict)}</td><td class=\"num\">{Score.Percent(score.Diagnosis)}</td><td class=\"num\">{score.Judged}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num{(score.UnexpectedAccepts > 0 ? " bad" : "")}\">{score.UnexpectedAccepts}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Html.Text(latest.SuiteVersion)}</td><td><code title=\"{Html.Text(latest.SuiteHash)}\">{Html.Text(ShortHash(latest.SuiteHash))}</code></td>")
                .Append("<td class=\"badges\">");
            foreach (var kind in SiteBuilder.BadgeKinds)
            {
                body.Append(CultureInfo.InvariantCulture, $"<img src=\"{SitePaths.Badge(history, kind)}\" alt=\"{kind} badge of {Html.Text(history.Name)}\">");
            }

            body.Append("</td></tr>\n");
        }

        body.Append("</table>\n");
        Matrix(body, data, "topics", "Topics", "topic", data.Topics, t => SitePaths.Topic(t), (run, t) => run.Topic == t);
        Matrix(body, data, "rules", "Rules", "rule", data.Rules, r => SitePaths.Rule(r), (run, r) => run.Rules.Contains(r));
        body.Append(CultureInfo.InvariantCulture, $"<footer>Each cell: verdict / diagnosis conformance of the latest run. For scripts: <a href=\"{SitePaths.AllResults}\">{SitePaths.AllResults}</a>.</footer>");
        return HtmlPage.Render(SitePaths.Index, "Results", body.ToString());
    }

    public static string ShortHash(string hash) => hash.Length > 19 ? hash[..19] + "…" : hash;

    private static void Matrix(StringBuilder body, SiteData data, string id, string title, string column, IReadOnlyList<string> rows, Func<string, string> link, Func<ResultsRun, string, bool> member)
    {
        body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{id}\">{title}</h2>\n<table>\n<tr><th>{column}</th><th>runs</th>");
        foreach (var history in data.Histories)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th><a href=\"{SitePaths.Implementation(history)}\">{Html.Text(history.Name)}</a></th>");
        }

        body.Append("</tr>\n");
        foreach (var row in rows)
        {
            var runs = data.Histories.SelectMany(h => h.Latest.Runs).Where(r => member(r, row)).Select(r => r.Key).Distinct().Count();
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{link(row)}\">{Html.Text(row)}</a></td><td class=\"num\">{runs}</td>");
            foreach (var history in data.Histories)
            {
                body.Append(ScoreCell.Render(Score.Of(history.Latest.Runs.Where(r => member(r, row)))));
            }

            body.Append("</tr>\n");
        }

        body.Append("</table>\n");
    }
}
