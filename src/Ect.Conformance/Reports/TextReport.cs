using System.Text;
using Ect.Conformance.Expectations;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Reports;

/// <summary>The end-of-run summary for a terminal: per topic and per rule, then what went wrong and why.</summary>
public static class TextReport
{
    public static string Render(ConformanceReport report, int maxFailures = 50)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = report.Results;
        var text = new StringBuilder();
        if (results.StartError is { } startError)
        {
            return text.Append("error: the harness could not be started: ").Append(startError).Append('\n').ToString();
        }

        if (results.Runs.Count > 0)
        {
            Table(text, "topic", report.Summary.ByTopic.Select(p => (p.Key, p.Value)));
            text.Append('\n');
            Table(text, "rule", report.Summary.ByRule.Select(p => (p.Key, p.Value)));
        }
        else
        {
            text.Append("no runs: the suite is empty or the filter selected nothing\n");
        }

        // Worst first: an accepted forgery must not scroll past under a screen of diagnosis mismatches.
        var unexpected = report.UnexpectedWorstFirst;
        if (unexpected.Count > 0)
        {
            var forgeries = unexpected.Count(r => FailureKinds.Of(r) == FailureKind.AcceptedForgery);
            text.Append($"\nUnexpected results ({unexpected.Count}{(forgeries > 0 ? $", {forgeries} ACCEPTED FORGER{(forgeries == 1 ? "Y" : "IES")} listed first" : "")}):\n");
            foreach (var result in unexpected.Take(maxFailures))
            {
                var kind = FailureKinds.Of(result);
                var bugTypes = report.BugTypes(result);
                var label = kind == FailureKind.AcceptedForgery ? "ACCEPTED FORGERY" : kind.Label();
                text.Append($"\n  {result.Outcome.ToWireName().ToUpperInvariant()} {result.Run.Key}  [{string.Join(", ", result.Run.Case.Rules)}]  {label}{(bugTypes.Count == 0 ? "" : $", {string.Join(", ", bugTypes)}")}\n");
                text.Append($"    expected: {RunDescription.Expected(result)}\n");
                text.Append($"    actual:   {RunDescription.Actual(result)}\n");
                text.Append($"    why:      {OneLine(result.Judgement.Detail)}\n");
                foreach (var flag in report.Notes.For(result.Run.Case.Flags))
                {
                    text.Append($"    bug:      {flag.BugType} ({flag.Name}): {OneLine(flag.Effect)}\n");
                }

                var note = report.Expectations.For(result).Note;
                if (report.Expectations.For(result).Entry is not null)
                {
                    text.Append($"    listed:   {OneLine(note)}\n");
                }

                foreach (var message in RunDescription.Messages(result).Distinct())
                {
                    text.Append($"    message:  {OneLine(message)}\n");
                }

                // The last words of a harness that crashed or hung are usually the explanation.
                if (result.Stderr is { } stderr && result.Outcome is Outcome.Crashed or Outcome.Timeout or Outcome.Errored)
                {
                    foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3))
                    {
                        text.Append($"    stderr:   {OneLine(line)}\n");
                    }
                }
            }

            if (unexpected.Count > maxFailures)
            {
                text.Append($"\n  ... and {unexpected.Count - maxFailures} more (see the report)\n");
            }
        }

        foreach (var stale in report.Expectations.Stale)
        {
            text.Append($"\n  STALE {stale.Key}: listed as {stale.Entry.Outcome.ToWireName()}, but the suite has no such case or run\n");
        }

        if (report.Expectations.Unexplained.Count > 0)
        {
            text.Append($"\n  UNEXPLAINED {report.Expectations.Unexplained.Count} expectation(s) still say \"{ExpectationFile.TodoReason}\"; give each a reason: {string.Join(", ", report.Expectations.Unexplained.Take(20))}{(report.Expectations.Unexplained.Count > 20 ? ", ..." : "")}\n");
        }

        var known = report.KnownDeviations.Count();
        var notApplicable = report.NotApplicable.Count();
        var c = report.Summary.Overall;
        text.Append($"\n{c.Total} runs: {c[Outcome.Pass]} passed, {c[Outcome.PassVerdict]} pass-verdict, {c[Outcome.Fail]} failed, {c[Outcome.Skipped]} skipped, {c.Broken} errored/timeout/crashed");
        text.Append($"\nverdict conformance {OutcomeCounts.Percent(c.VerdictConformance)}, diagnosis conformance {OutcomeCounts.Percent(c.DiagnosisConformance)} (of {c.Judged} judged runs)");
        if (known > 0 || notApplicable > 0)
        {
            text.Append($"\n{known} known deviation(s), {notApplicable} run(s) not declared by the implementation");
        }

        if (results.StoppedEarly)
        {
            text.Append($"\nstopped early (fail-fast) after {results.Runs.Count} of {results.Selected} runs");
        }

        text.Append(report.ExitCode == 0
            ? "\nresult: every run passed or matched its expectation\n"
            : $"\nresult: {report.Expectations.UnexpectedCount} unexpected result(s), {report.Expectations.Stale.Count} stale expectation(s), {report.Expectations.Unexplained.Count} unexplained expectation(s)\n");
        return text.ToString();
    }

    private static void Table(StringBuilder text, string name, IEnumerable<(string Name, OutcomeCounts Counts)> rows)
    {
        var list = rows.ToList();
        var width = Math.Max(name.Length, list.Count == 0 ? 0 : list.Max(r => r.Name.Length));
        text.Append(name.PadRight(width)).Append("   runs   pass  p-verd   fail   skip  error  verdict  diagnosis\n");
        foreach (var (rowName, c) in list)
        {
            text.Append(rowName.PadRight(width))
                .Append($" {c.Total,6} {c[Outcome.Pass],6} {c[Outcome.PassVerdict],7} {c[Outcome.Fail],6} {c[Outcome.Skipped],6} {c.Broken,6} {OutcomeCounts.Percent(c.VerdictConformance),8} {OutcomeCounts.Percent(c.DiagnosisConformance),10}\n");
        }
    }

    private static string OneLine(string text)
    {
        var line = text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
        return line.Length <= 400 ? line : line[..397] + "...";
    }
}
