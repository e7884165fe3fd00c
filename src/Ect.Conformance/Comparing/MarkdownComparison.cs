using System.Globalization;
using System.Text;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Site;

namespace Ect.Conformance.Comparing;

/// <summary>
/// A comparison as GitHub-flavoured Markdown, for a CI step summary or a pull-request comment:
/// regressions first with their bug type, then fixes, other changes, new and removed runs.
/// </summary>
public static class MarkdownComparison
{
    // A pull-request comment holds at most 65,536 characters; a long list is cut, and its count kept.
    public const int MaxRows = 100;

    public static string Render(Comparison comparison, IReadOnlyDictionary<string, FlagNote> notes)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(notes);
        var before = comparison.Before;
        var after = comparison.After;
        var text = new StringBuilder();
        text.Append(comparison.Worse.Count == 0 ? "## ECT conformance: no regressions\n\n" : $"## ECT conformance: {comparison.Worse.Count} regression(s)\n\n")
            .Append(CultureInfo.InvariantCulture, $"| | implementation | runs | verdict | diagnosis |\n| --- | --- | ---: | ---: | ---: |\n")
            .Append(CultureInfo.InvariantCulture, $"| before | {Cell(before.Label)} | {before.Outcomes.Count} | {Ratio(before, true)} | {Ratio(before, false)} |\n")
            .Append(CultureInfo.InvariantCulture, $"| after | {Cell(after.Label)} | {after.Outcomes.Count} | {Ratio(after, true)} | {Ratio(after, false)} |\n\n")
            .Append(CultureInfo.InvariantCulture, $"{comparison.Worse.Count} regression(s), {comparison.Better.Count} fix(es), {comparison.Other.Count} other change(s), {comparison.Added.Count} new, {comparison.Removed.Count} removed.\n");
        if (comparison.SuitesDiffer)
        {
            text.Append("\n> The two runs used different corpora (suite hash differs): an edited case may show as changed, a renamed one as removed and new.\n");
        }

        Section(text, "Regressions", comparison.Worse, "| run | before | after | bug type |\n| --- | --- | --- | --- |\n",
            k => $"| `{Cell(k)}` | {before.Outcomes[k].ToWireName()} | **{after.Outcomes[k].ToWireName()}** | {BugType(comparison, k, notes)} |\n");
        Section(text, "Fixes", comparison.Better, "| run | before | after |\n| --- | --- | --- |\n",
            k => $"| `{Cell(k)}` | {before.Outcomes[k].ToWireName()} | {after.Outcomes[k].ToWireName()} |\n");
        Section(text, "Other changes", comparison.Other, "| run | before | after |\n| --- | --- | --- |\n",
            k => $"| `{Cell(k)}` | {before.Outcomes[k].ToWireName()} | {after.Outcomes[k].ToWireName()} |\n");
        Section(text, "New cases", comparison.Added, "| run | outcome |\n| --- | --- |\n",
            k => $"| `{Cell(k)}` | {after.Outcomes[k].ToWireName()} |\n");
        Section(text, "Removed cases", comparison.Removed, "| run | was |\n| --- | --- |\n",
            k => $"| `{Cell(k)}` | {before.Outcomes[k].ToWireName()} |\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> keys, string header, Func<string, string> row)
    {
        if (keys.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\n### {title} ({keys.Count})\n\n").Append(header);
        foreach (var key in keys.Take(MaxRows))
        {
            text.Append(row(key));
        }

        if (keys.Count > MaxRows)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n… and {keys.Count - MaxRows} more (the full list: `ect-conformance compare` without `--format markdown`).\n");
        }
    }

    private static string BugType(Comparison comparison, string key, IReadOnlyDictionary<string, FlagNote> notes)
    {
        var flags = comparison.After.Flags.GetValueOrDefault(key) ?? comparison.Before.Flags.GetValueOrDefault(key) ?? [];
        var types = flags.Select(f => notes.TryGetValue(f, out var note) ? note.BugType : null).OfType<string>().Distinct().ToList();
        return types.Count == 0 ? "–" : string.Join(", ", types.Select(t => t == FlagNote.AuthBypass ? $"**{t}**" : t));
    }

    private static string Ratio(ComparedRuns runs, bool verdict)
    {
        // Not-declared runs are recorded as skipped, so outcomes alone give the judged count.
        var judged = runs.Outcomes.Values.Count(o => o != Outcome.Skipped);
        var right = runs.Outcomes.Values.Count(o => verdict ? o.IsVerdictCorrect() : o == Outcome.Pass);
        return Score.Percent(judged == 0 ? null : (double)right / judged);
    }

    // A pipe or a newline would end the table cell; hostile names must not reshape the comment.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('`', '\'');
}
