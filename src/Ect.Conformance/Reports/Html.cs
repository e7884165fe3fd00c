using System.Net;
using System.Text;

namespace Ect.Conformance.Reports;

/// <summary>Small HTML pieces the report page is built from; every text passes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A rule ID linked to its text in the page's rules appendix.</summary>
    public static string Rule(string ruleId) => $"<a class=\"rule-link\" href=\"#rule-{E(ProfileRules.Anchor(ruleId))}\">{E(ruleId)}</a>";

    public static string Rules(IEnumerable<string> ruleIds) => string.Join(", ", ruleIds.Select(Rule));

    /// <summary>The failure list filtered as the query says (read by the page's script).</summary>
    public static string FilterLink(params (string Name, string Value)[] filters) =>
        "#failures?" + string.Join("&amp;", filters.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>A link when the text is an absolute http(s) URL, else the text: a homepage may be a path in a repository.</summary>
    public static string LinkIfUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? $"<a href=\"{E(text)}\">{E(text)}</a>" : E(text);

    public static void Definition(StringBuilder html, string term, string value) => DefinitionHtml(html, term, E(value));

    public static void DefinitionHtml(StringBuilder html, string term, string valueHtml) => html.Append($"<dt>{E(term)}</dt><dd>{valueHtml}</dd>");

    /// <summary>The profile's rule text: Markdown with its inline code and bold kept, nothing else interpreted.</summary>
    public static string MarkdownInline(string text)
    {
        var html = new StringBuilder();
        var parts = text.TrimStart('-', '*', ' ').Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                html.Append("<code>").Append(E(parts[i])).Append("</code>");
                continue;
            }

            var bold = parts[i].Split("**");
            for (var j = 0; j < bold.Length; j++)
            {
                html.Append(j % 2 == 1 ? $"<b>{E(bold[j])}</b>" : E(bold[j]));
            }
        }

        return html.ToString();
    }
}
