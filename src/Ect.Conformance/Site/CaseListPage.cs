using System.Globalization;
using System.Text;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Site;

/// <summary>The runs of one topic or one rule, one row each, with every implementation's outcome in its column.</summary>
public static class CaseListPage
{
    public static string Render(SiteData data, string path, string title, IEnumerable<SiteCase> cases)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(cases);
        var root = SitePaths.ToRoot(path);
        var body = new StringBuilder();
        var list = cases.ToList();
        var keys = list.SelectMany(c => data.RunKeys(c).Select(k => (Case: c, Key: k))).ToList();
        var keySet = keys.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        body.Append(CultureInfo.InvariantCulture, $"<h1>{Html.Text(title)}</h1>\n<p class=\"muted\">{list.Count} case(s), {keys.Count} run(s).</p>\n<table><tr><th>run</th><th>description</th>");
        foreach (var history in data.Histories)
        {
            var score = Score.Of(history.Latest.Runs.Where(r => keySet.Contains(r.Key)));
            body.Append(CultureInfo.InvariantCulture, $"<th><a href=\"{root}{SitePaths.Implementation(history)}\">{Html.Text(history.Name)}</a><br><span class=\"muted\">{Score.Percent(score.Verdict)} / {Score.Percent(score.Diagnosis)}</span></th>");
        }

        body.Append("</tr>\n");
        foreach (var (siteCase, key) in keys)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{root}{SitePaths.Case(siteCase.Id)}#{SitePaths.RunAnchor(key)}\"><code>{Html.Text(key)}</code></a></td><td>{Html.Text(siteCase.Description)}</td>");
            foreach (var history in data.Histories)
            {
                var run = data.Latest(history, key);
                if (run is null)
                {
                    body.Append("<td class=\"o-absent\">not run</td>");
                    continue;
                }

                var outcome = run.Declared ? run.Outcome.ToWireName() : "not-declared";
                var label = run.IsAnomaly ? $"<a href=\"{root}{SitePaths.Implementation(history)}#{SitePaths.RunAnchor(key)}\">{outcome}</a>" : outcome;
                body.Append(CultureInfo.InvariantCulture, $"<td class=\"{Html.OutcomeClass(outcome)}\">{label}{(run.IsUnexpectedAccept ? " <span class=\"tag accept\">accepted</span>" : "")}</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</table>\n");
        return HtmlPage.Render(path, title, body.ToString());
    }
}
