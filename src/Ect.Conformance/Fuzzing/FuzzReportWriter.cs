using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Fuzzing;

/// <summary>The terminal summary, <c>fuzz-report.json</c> and <c>fuzz-report.md</c> of a campaign.</summary>
internal static class FuzzReportWriter
{
    public static string Text(FuzzReport report, bool strictDiagnosis)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        if (report.StartError is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"fuzz: could not run: {report.StartError}\n");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"fuzz: seed {report.Seed}, {report.Cases} case(s) in {report.Duration.TotalSeconds:0.0} s ({Rate(report):0} per second), operations {string.Join(", ", report.Operations)}, modes {string.Join(", ", report.Drafts)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  verdict disagreements: {report.VerdictDisagreements}, diagnosis disagreements: {report.DiagnosisDisagreements}{(strictDiagnosis ? " (strict)" : "")}, no answer: {report.NoAnswers}, skipped: {report.Skipped}, left open by the profile: {report.Acceptable}, restarts: {report.Restarts}\n");
        foreach (var finding in report.Findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Kind(finding.Key.Kind)}: {finding.Key} ×{finding.Occurrences}, first at case {finding.Index}, shrunk in {finding.ShrinkSteps} step(s): {finding.Case.Id}\n");
            text.Append(CultureInfo.InvariantCulture, $"      {TextLimit.Shorten(finding.Detail, 300)}\n");
        }

        text.Append(report.Findings.Count == 0 ? "  no disagreement\n" : $"  replay: {report.ReplayCommand}\n");
        return text.ToString();
    }

    public static JsonObject Json(FuzzReport report, bool strictDiagnosis)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonObject
        {
            ["seed"] = report.Seed.ToString(CultureInfo.InvariantCulture),
            ["replay"] = report.ReplayCommand,
            ["implementation"] = report.Implementation?.ToJson(),
            ["start_error"] = report.StartError,
            ["operations"] = new JsonArray(report.Operations.Select(o => (JsonNode?)o).ToArray()),
            ["drafts"] = new JsonArray(report.Drafts.Select(d => (JsonNode?)d).ToArray()),
            ["cases"] = report.Cases,
            ["duration_ms"] = (long)report.Duration.TotalMilliseconds,
            ["verdict_disagreements"] = report.VerdictDisagreements,
            ["diagnosis_disagreements"] = report.DiagnosisDisagreements,
            ["no_answer"] = report.NoAnswers,
            ["skipped"] = report.Skipped,
            ["acceptable"] = report.Acceptable,
            ["restarts"] = report.Restarts,
            ["exit_code"] = report.ExitCode(strictDiagnosis),
            ["findings"] = new JsonArray(report.Findings.Select(f => (JsonNode?)new JsonObject
            {
                ["id"] = f.Case.Id,
                ["kind"] = Kind(f.Key.Kind),
                ["operation"] = f.Key.Operation,
                ["rule"] = f.Key.Rule,
                ["expected"] = f.Key.Expected,
                ["actual"] = f.Key.Actual,
                ["occurrences"] = f.Occurrences,
                ["first_case"] = f.Index,
                ["original_id"] = f.Original.Id,
                ["shrink_steps"] = f.ShrinkSteps,
                ["shrink_tries"] = f.ShrinkTries,
                ["detail"] = f.Detail,
                ["stderr"] = f.Stderr,
                ["case"] = f.Case.ToJson(),
            }).ToArray()),
        };
    }

    public static string Markdown(FuzzReport report, bool strictDiagnosis)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder("# Fuzz report\n\n");
        if (report.StartError is not null)
        {
            md.Append(CultureInfo.InvariantCulture, $"Could not run: {report.StartError}\n");
            return md.ToString();
        }

        md.Append(CultureInfo.InvariantCulture, $"{report.Implementation?.Name} {report.Implementation?.Version}, seed `{report.Seed}`, {report.Cases} cases in {report.Duration.TotalSeconds:0.0} s. Replay: `{report.ReplayCommand}`\n\n");
        md.Append("| verdict | diagnosis | no answer | skipped | left open by the profile |\n| ---: | ---: | ---: | ---: | ---: |\n");
        md.Append(CultureInfo.InvariantCulture, $"| {report.VerdictDisagreements} | {report.DiagnosisDisagreements} | {report.NoAnswers} | {report.Skipped} | {report.Acceptable} |\n\n");
        if (report.Findings.Count == 0)
        {
            md.Append("No disagreement.\n");
            return md.ToString();
        }

        md.Append("| finding | kind | rule | expected | got | cases | file |\n| --- | --- | --- | --- | --- | ---: | --- |\n");
        foreach (var f in report.Findings)
        {
            md.Append(CultureInfo.InvariantCulture, $"| `{f.Case.Id}` | {Kind(f.Key.Kind)} | {f.Key.Rule} | {Cell(f.Key.Expected)} | {Cell(f.Key.Actual)} | {f.Occurrences} | [{FileName(f)}](findings/{FileName(f)}) |\n");
        }

        md.Append(strictDiagnosis || report.Findings.All(f => f.Key.Kind == DisagreementKind.Diagnosis)
            ? "\nA diagnosis disagreement is the right verdict with another error code.\n"
            : "\nEach finding is a vector: review it, then add it to a topic generator in `src/Ect.Vectors/Topics/` (README, \"Fuzzing your implementation\").\n");
        return md.ToString();
    }

    /// <summary>The finding's file name under <c>findings/</c>.</summary>
    public static string FileName(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Case.Id.Replace("::", ".", StringComparison.Ordinal) + ".yaml";
    }

    public static string Kind(DisagreementKind kind) => kind switch
    {
        DisagreementKind.Verdict => "verdict",
        DisagreementKind.Diagnosis => "diagnosis",
        _ => "no-answer",
    };

    private static double Rate(FuzzReport report) => report.Duration.TotalSeconds > 0 ? report.Cases / report.Duration.TotalSeconds : 0;

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
