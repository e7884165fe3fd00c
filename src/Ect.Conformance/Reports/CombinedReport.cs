using System.Net;
using System.Text;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>
/// The summary of one run that judged several implementations side by side: a row per
/// implementation with its own exit status (they are never merged into one verdict), conformance,
/// unexpected results and the folder holding its full reports.
/// </summary>
public sealed class CombinedReport(IReadOnlyList<CombinedReport.Entry> entries, SuiteInfo suite)
{
    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>One implementation: <paramref name="Report"/> is null when it never answered <c>start</c>.</summary>
    public sealed record Entry(string Name, string Command, string? Homepage, string Folder, int ExitCode, ConformanceReport? Report);

    public IReadOnlyList<Entry> Entries { get; } = entries;

    /// <summary>The worst of the implementations' exit statuses: 2 if one could not be run, else 1 if one did not pass.</summary>
    public int ExitCode => Entries.Count == 0 ? 0 : Entries.Max(e => e.ExitCode);

    public string RenderText()
    {
        var text = new StringBuilder($"\n{Entries.Count} implementations, corpus {suite.Version} ({suite.Hash})\n");
        text.Append($"{"implementation",-24} {"exit",4} {"runs",6} {"pass",6} {"verdict",8} {"diagnosis",9} {"unexpected",10} {"forgeries",9}  reports\n");
        foreach (var e in Entries)
        {
            var c = e.Report?.Summary.Overall;
            text.Append($"{Clip(e.Name, 24),-24} {e.ExitCode,4} {c?.Total.ToString(Inv) ?? "-",6} {c?[Judging.Outcome.Pass].ToString(Inv) ?? "-",6} {Percent(c?.VerdictConformance),8} {Percent(c?.DiagnosisConformance),9} {e.Report?.Expectations.UnexpectedCount.ToString(Inv) ?? "-",10} {Forgeries(e),9}  {e.Folder}/\n");
        }

        text.Append(ExitCode == 0 ? "\nresult: every implementation passed or matched its expectations\n" : $"\nresult: {Entries.Count(e => e.ExitCode != 0)} of {Entries.Count} implementation(s) did not (each one's exit status above)\n");
        return text.ToString();
    }

    public string RenderMarkdown()
    {
        var md = new StringBuilder("# ECT conformance: implementations side by side\n\n");
        md.Append($"Corpus version {suite.Version}, {suite.Cases} cases, {suite.Runs} runs, content hash `{suite.Hash}`.\n\n");
        md.Append("| implementation | exit | runs | pass | verdict | diagnosis | unexpected | accepted forgeries | reports |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var e in Entries)
        {
            var c = e.Report?.Summary.Overall;
            var name = IsWebLink(e.Homepage) ? $"[{EscapeMd(e.Name)}]({e.Homepage})" : EscapeMd(e.Name);
            var reports = e.Report is null ? $"not started: {EscapeMd(e.Command)}" : $"[{e.Folder}/report.md]({e.Folder}/report.md)";
            md.Append($"| {name} | {e.ExitCode} | {c?.Total.ToString(Inv) ?? "-"} | {c?[Judging.Outcome.Pass].ToString(Inv) ?? "-"} | {Percent(c?.VerdictConformance)} | {Percent(c?.DiagnosisConformance)} | {e.Report?.Expectations.UnexpectedCount.ToString(Inv) ?? "-"} | {Forgeries(e)} | {reports} |\n");
        }

        return md.ToString();
    }

    public string RenderHtml()
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ECT conformance: implementations side by side</title>\n");
        html.Append("<style>body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}td:first-child,th:first-child,td:last-child{text-align:left}.bad{color:#a00;font-weight:bold}.ok{color:#070}</style></head><body>\n");
        html.Append("<h1>ECT conformance: implementations side by side</h1>\n");
        html.Append($"<p>Corpus version {Enc(suite.Version)}, {suite.Cases} cases, {suite.Runs} runs, content hash <code>{Enc(suite.Hash)}</code>.</p>\n");
        html.Append("<table><thead><tr><th>implementation</th><th>exit</th><th>runs</th><th>pass</th><th>verdict</th><th>diagnosis</th><th>unexpected</th><th>accepted forgeries</th><th>reports</th></tr></thead><tbody>\n");
        foreach (var e in Entries)
        {
            var c = e.Report?.Summary.Overall;
            var name = IsWebLink(e.Homepage) ? $"<a href=\"{Enc(e.Homepage!)}\">{Enc(e.Name)}</a>" : Enc(e.Name);
            var reports = e.Report is null ? $"not started: <code>{Enc(e.Command)}</code>" : $"<a href=\"{Enc(e.Folder)}/report.html\">{Enc(e.Folder)}/report.html</a>";
            var exit = e.ExitCode == 0 ? "<span class=\"ok\">0</span>" : $"<span class=\"bad\">{e.ExitCode}</span>";
            html.Append($"<tr><td>{name}</td><td>{exit}</td><td>{c?.Total.ToString(Inv) ?? "-"}</td><td>{c?[Judging.Outcome.Pass].ToString(Inv) ?? "-"}</td><td>{Percent(c?.VerdictConformance)}</td><td>{Percent(c?.DiagnosisConformance)}</td><td>{e.Report?.Expectations.UnexpectedCount.ToString(Inv) ?? "-"}</td><td>{Forgeries(e)}</td><td>{reports}</td></tr>\n");
        }

        html.Append("</tbody></table>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>Only http(s) addresses become links: a homepage is whatever a harness declared.</summary>
    public static bool IsWebLink(string? homepage) =>
        Uri.TryCreate(homepage, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Runs whose forged or broken token the implementation accepted: counted apart, since each is a way in.</summary>
    private static string Forgeries(Entry entry) =>
        entry.Report?.Results.Runs.Count(r => FailureKinds.Of(r) == FailureKind.AcceptedForgery).ToString(Inv) ?? "-";

    private static string Percent(double? ratio) => OutcomeCounts.Percent(ratio);

    private static string Enc(string text) => WebUtility.HtmlEncode(text);

    private static string EscapeMd(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
