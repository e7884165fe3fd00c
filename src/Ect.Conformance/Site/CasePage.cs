using System.Globalization;
using System.Text;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Site;

/// <summary>One case: what it checks, its input and expected answer, and every implementation's outcome per mode side by side.</summary>
public static class CasePage
{
    public static string Render(SiteData data, SiteCase siteCase)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(siteCase);
        var path = SitePaths.Case(siteCase.Id);
        var root = SitePaths.ToRoot(path);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1><code>{Html.Text(siteCase.Id)}</code></h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Html.Text(siteCase.Description)}</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">topic <a href=\"{root}{SitePaths.Topic(siteCase.Topic)}\">{Html.Text(siteCase.Topic)}</a> · operation {Html.Text(siteCase.Operation)} · modes {Html.Text(string.Join(", ", siteCase.Drafts))} · rules ");
        body.AppendJoin(", ", siteCase.Rules.Select(r => $"<a href=\"{root}{SitePaths.Rule(r)}\">{Html.Text(r)}</a>"));
        body.Append("</p>\n");
        ImplementationPage.Flags(body, data, siteCase.Flags);

        body.Append("<h2 id=\"outcomes\">Outcomes</h2>\n<table><tr><th>mode</th><th>implementation</th><th>outcome</th><th>error codes</th><th>judge</th><th>answered</th></tr>\n");
        foreach (var key in data.RunKeys(siteCase))
        {
            var first = true;
            foreach (var history in data.Histories)
            {
                var run = data.Latest(history, key);
                body.Append("<tr>");
                if (first)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<td rowspan=\"{data.Histories.Count}\" id=\"{SitePaths.RunAnchor(key)}\"><code>{Html.Text(key[(key.LastIndexOf('@') + 1)..])}</code></td>");
                    first = false;
                }

                var impl = $"<a href=\"{root}{SitePaths.Implementation(history)}\">{Html.Text(history.Name)}</a>";
                if (run is null)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<td>{impl}</td><td class=\"o-absent\">not run</td><td></td><td></td><td></td></tr>\n");
                    continue;
                }

                var outcome = run.Declared ? run.Outcome.ToWireName() : "not-declared";
                var label = run.IsAnomaly ? $"<a href=\"{root}{SitePaths.Implementation(history)}#{SitePaths.RunAnchor(run.Key)}\">{outcome}</a>" : outcome;
                var accepted = run.IsUnexpectedAccept ? " <span class=\"tag accept\">accepted forgery</span>" : "";
                var codes = run.Actual is System.Text.Json.Nodes.JsonArray results
                    ? string.Join(", ", results.Select(r => r?["result"]?.ToString() == "invalid" ? r["error"]?.ToString() ?? "unknown" : r?["result"]?.ToString() ?? "?"))
                    : "";
                body.Append(CultureInfo.InvariantCulture, $"<td>{impl}</td><td class=\"{Html.OutcomeClass(outcome)}\">{label}{accepted}</td><td><code>{Html.Text(codes)}</code></td><td>{Html.Text(run.Detail)}</td>")
                    .Append(run.Actual is null ? "<td></td>" : $"<td><details><summary>reply</summary><pre>{Html.Text(JsonText.Pretty(run.Actual, relaxed: true))}</pre></details></td>")
                    .Append("</tr>\n");
            }
        }

        body.Append("</table>\n");
        if (siteCase.Vector is { } vector)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2 id=\"expected\">Expected</h2>\n<pre>{Html.Text(JsonText.Pretty(vector.ExpectedJson(), relaxed: true))}</pre>\n")
                .Append(CultureInfo.InvariantCulture, $"<h2 id=\"input\">Input</h2>\n<pre>{Html.Text(JsonText.Pretty(vector.Input, relaxed: true))}</pre>\n");
        }
        else
        {
            body.Append("<p class=\"warn\">This case is not in the corpus the site was built with, so its input is not shown; pass that corpus with <code>--vectors</code>.</p>\n");
        }

        return HtmlPage.Render(path, siteCase.Id, body.ToString());
    }
}
