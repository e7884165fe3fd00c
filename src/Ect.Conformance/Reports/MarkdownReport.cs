using System.Text;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>The report as Markdown: summary, per-topic and per-rule tables, then every unexpected result explained.</summary>
public static class MarkdownReport
{
    public static string Render(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = report.Results;
        var md = new StringBuilder();
        var impl = results.Implementation;
        md.Append("# ECT conformance report: ").Append(impl is null ? "(harness did not start)" : $"{impl.Name} {impl.Version}").Append("\n\n");
        if (impl is not null)
        {
            md.Append($"- Implementation: **{Escape(impl.Name)}** {Escape(impl.Version)} ({Escape(impl.Language)})")
              .Append(impl.Homepage is null ? "" : $", {Escape(impl.Homepage)}").Append('\n');
            md.Append($"- Declared: drafts {string.Join(", ", impl.Drafts)}; operations {string.Join(", ", impl.Operations)}; features {(impl.Features.Count == 0 ? "none" : string.Join(", ", impl.Features))}\n");
        }

        md.Append($"- Corpus: version {results.Suite.Version}, {results.Suite.Cases} cases, {results.Suite.Runs} runs, content hash `{results.Suite.Hash}`\n");
        md.Append($"- Runner: {ResultsDocument.RunnerName} {ResultsDocument.RunnerVersion}; started {results.Started:u}, {results.Duration.TotalSeconds:0.0} s; time limit {results.Timeout.TotalSeconds:0.###} s per case\n");
        if (!results.Filter.IsEmpty)
        {
            md.Append($"- Filter: {string.Join("; ", results.Filter.Describe().Select(p => $"{p.Key} {string.Join(", ", p.Value)}"))}\n");
        }

        if (results.StoppedEarly)
        {
            md.Append($"- Stopped early (fail-fast) after {results.Runs.Count} of {results.Selected} runs\n");
        }

        if (results.Restarts > 0)
        {
            md.Append($"- The harness was restarted {results.Restarts} time(s)\n");
        }

        if (results.StartError is { } startError)
        {
            md.Append("\n## The run could not be carried out\n\n```\n").Append(startError).Append("\n```\n");
            return md.ToString();
        }

        var overall = report.Summary.Overall;
        md.Append("\n## Summary\n\n");
        md.Append($"**Verdict conformance {OutcomeCounts.Percent(overall.VerdictConformance)}**, diagnosis conformance {OutcomeCounts.Percent(overall.DiagnosisConformance)} ")
          .Append($"(of {overall.Judged} judged runs; {overall[Outcome.Skipped]} skipped).\n\n");
        md.Append(report.ExitCode == 0
            ? "Every run passed or matched its expectation.\n\n"
            : $"**{report.Expectations.UnexpectedCount} run(s) did not pass and are not expected to fail{(report.Expectations.Stale.Count > 0 ? $"; {report.Expectations.Stale.Count} stale expectation(s)" : "")}.**\n\n");
        Table(md, "", [("all runs", overall)]);

        md.Append("\n## By topic\n\n");
        Table(md, "topic", report.Summary.ByTopic.Select(p => (p.Key, p.Value)));
        md.Append("\n## By rule\n\nEach rule links to its text in `profile.md`, the profile this runner was built with (written beside this report).\n\n");
        Table(md, "rule", report.Summary.ByRule.Select(p => (RuleLink(p.Key), p.Value)), escapeNames: false);

        var unexpected = report.UnexpectedWorstFirst;
        if (unexpected.Count > 0)
        {
            md.Append("\n## Unexpected results\n\n");
            var forgeries = unexpected.Count(r => FailureKinds.Of(r) == FailureKind.AcceptedForgery);
            md.Append(forgeries > 0
                ? $"**{forgeries} accepted forger{(forgeries == 1 ? "y" : "ies")}** (expected invalid, answered valid) first, then wrong verdicts, errors and crashes, then diagnosis-only mismatches.\n\n"
                : "Wrong verdicts first, then errors and crashes, then diagnosis-only mismatches.\n\n");
            foreach (var result in unexpected)
            {
                var note = report.Expectations.For(result).Note;
                var bugTypes = report.BugTypes(result);
                md.Append($"### `{result.Run.Key}`: {result.Outcome.ToWireName()}, {FailureKinds.Of(result).Label()}{(bugTypes.Count == 0 ? "" : $" ({string.Join(", ", bugTypes)})")}\n\n");
                md.Append($"{Escape(result.Run.Case.Description)}\n\n");
                md.Append($"- rules: {string.Join(", ", result.Run.Case.Rules.Select(RuleLink))}; operation {result.Run.Case.Operation}; file {result.Run.Case.Source}\n");
                foreach (var flag in report.Notes.For(result.Run.Case.Flags))
                {
                    md.Append($"- bug type: **{flag.BugType}** (flag {flag.Name}): {Escape(flag.Effect)}\n");
                }

                md.Append($"- expected: `{RunDescription.Expected(result)}`\n");
                md.Append($"- actual: `{RunDescription.Actual(result)}`\n");
                md.Append($"- why: {Escape(result.Judgement.Detail)}\n");
                if (note != "pass" && !note.StartsWith(result.Outcome.ToWireName(), StringComparison.Ordinal))
                {
                    md.Append($"- expectations: {Escape(note)}\n");
                }

                foreach (var message in RunDescription.Messages(result))
                {
                    md.Append($"- message: {Escape(message)}\n");
                }

                if (result.Stderr is { } stderr)
                {
                    md.Append("\n```\n").Append(stderr.TrimEnd()).Append("\n```\n");
                }

                md.Append('\n');
            }
        }

        if (report.Expectations.Stale.Count > 0)
        {
            md.Append("\n## Stale expectations (no such case)\n\n");
            foreach (var stale in report.Expectations.Stale)
            {
                md.Append($"- `{stale.Key}`: {stale.Entry.Outcome.ToWireName()}, {Escape(stale.Entry.Reason)}\n");
            }
        }

        var known = report.KnownDeviations.ToList();
        if (known.Count > 0)
        {
            md.Append("\n## Known deviations\n\n| run | outcome | reason |\n| --- | --- | --- |\n");
            foreach (var result in known)
            {
                var entry = report.Expectations.For(result).Entry!;
                var reason = entry.Issue is null ? entry.Reason : $"{entry.Reason} ({entry.Issue})";
                md.Append($"| `{result.Run.Key}` | {result.Outcome.ToWireName()} | {Cell(reason)} |\n");
            }
        }

        var notApplicable = report.NotApplicable.ToList();
        if (notApplicable.Count > 0)
        {
            md.Append($"\n{notApplicable.Count} run(s) were not sent because the implementation did not declare what they need ")
              .Append($"({string.Join("; ", notApplicable.GroupBy(r => r.Judgement.Detail).Select(g => $"{g.Key}: {g.Count()}"))}).\n");
        }

        return md.ToString();
    }

    public static void Write(ConformanceReport report, string path) => File.WriteAllText(path, Render(report));

    /// <summary>A rule ID linked to its anchor in the profile written beside the report.</summary>
    private static string RuleLink(string ruleId) => $"[{ruleId}](profile.md#{ProfileRules.Anchor(ruleId)})";

    private static void Table(StringBuilder md, string name, IEnumerable<(string Name, OutcomeCounts Counts)> rows, bool escapeNames = true)
    {
        md.Append($"| {name} | runs | pass | pass-verdict | fail | skipped | errored | timeout | crashed | verdict | diagnosis |\n");
        md.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var (rowName, c) in rows)
        {
            md.Append($"| {(escapeNames ? Cell(rowName) : rowName)} | {c.Total} | {c[Outcome.Pass]} | {c[Outcome.PassVerdict]} | {c[Outcome.Fail]} | {c[Outcome.Skipped]} | {c[Outcome.Errored]} | {c[Outcome.Timeout]} | {c[Outcome.Crashed]} | {OutcomeCounts.Percent(c.VerdictConformance)} | {OutcomeCounts.Percent(c.DiagnosisConformance)} |\n");
        }
    }

    private static string Escape(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);
}
