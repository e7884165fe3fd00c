using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Expectations;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Reports;

/// <summary>
/// The versioned JSON results document (<c>results.json</c>, schema <c>docs/schemas/results.schema.json</c>):
/// what was run, against what, how each run ended and why. Other tools (compare, dashboards)
/// read this, never the other formats.
/// </summary>
public static class ResultsDocument
{
    public const int SchemaVersion = 1;

    public const string RunnerName = "ect-conformance";

    public static string RunnerVersion { get; } =
        typeof(ResultsDocument).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ResultsDocument).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";

    public static JsonObject ToJson(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = report.Results;
        var overall = report.Summary.Overall;
        return new JsonObject
        {
            ["schema_version"] = SchemaVersion,
            ["suite"] = new JsonObject
            {
                ["path"] = results.Suite.Path,
                ["cases"] = results.Suite.Cases,
                ["runs"] = results.Suite.Runs,
                ["hash"] = results.Suite.Hash,
                ["version"] = results.Suite.Version,
            },
            ["runner"] = new JsonObject { ["name"] = RunnerName, ["version"] = RunnerVersion },
            ["implementation"] = results.Implementation is { } info ? WithoutNulls(info.ToJson()) : null,
            ["run_info"] = new JsonObject
            {
                ["os"] = RuntimeInformation.OSDescription,
                ["runtime"] = RuntimeInformation.FrameworkDescription,
                ["started"] = results.Started.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                ["duration_ms"] = Milliseconds(results.Duration),
                ["timeout_ms"] = Milliseconds(results.Timeout),
                ["filter"] = new JsonObject(results.Filter.Describe().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Strings(p.Value)))),
                ["selected"] = results.Selected,
                ["stopped_early"] = results.StoppedEarly,
                ["restarts"] = results.Restarts,
                ["start_error"] = results.StartError,
                ["harness_log"] = results.HarnessLog,
            },
            ["summary"] = new JsonObject
            {
                ["total"] = overall.Total,
                ["judged"] = overall.Judged,
                ["pass"] = overall[Outcome.Pass],
                ["pass_verdict"] = overall[Outcome.PassVerdict],
                ["fail"] = overall[Outcome.Fail],
                ["skipped"] = overall[Outcome.Skipped],
                ["errored"] = overall[Outcome.Errored],
                ["timeout"] = overall[Outcome.Timeout],
                ["crashed"] = overall[Outcome.Crashed],
                ["verdict_conformance"] = overall.VerdictConformance,
                ["diagnosis_conformance"] = overall.DiagnosisConformance,
                ["unexpected"] = report.Expectations.UnexpectedCount,
                ["exit_code"] = report.ExitCode,
            },
            ["expectations"] = new JsonObject
            {
                ["file"] = report.Expectations.Source,
                ["stale"] = new JsonArray(report.Expectations.Stale.Select(s => (JsonNode?)new JsonObject
                {
                    ["key"] = s.Key,
                    ["outcome"] = s.Entry.Outcome.ToWireName(),
                    ["reason"] = s.Entry.Reason,
                }).ToArray()),
            },
            ["runs"] = new JsonArray(results.Runs.Select(r => (JsonNode?)Run(r, report.Expectations.For(r))).ToArray()),
        };
    }

    // Readable for people too (relaxed escapes: it is a file, never embedded in HTML); echoes are
    // already bounded and free of lone surrogates (ReadableJson), so jq and Python read it.
    public static void Write(ConformanceReport report, string path) =>
        File.WriteAllText(path, JsonText.Pretty(ToJson(report), relaxed: true) + "\n");

    /// <summary>The outcome of every run of a results document, by run key; throws <see cref="FormatException"/> naming the problem.</summary>
    public static IReadOnlyDictionary<string, Outcome> ReadOutcomes(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { MaxDepth = 100_000 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not JSON: {e.Message}", e);
        }

        if (root?["schema_version"] is not JsonValue v || !v.TryGetValue<int>(out var version) || version != SchemaVersion)
        {
            throw new FormatException($"{path}: not a results document of schema_version {SchemaVersion}");
        }

        if (root["runs"] is not JsonArray runs)
        {
            throw new FormatException($"{path}: no runs array");
        }

        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var key = run?["key"] is JsonValue k && k.TryGetValue<string>(out var text) ? text : throw new FormatException($"{path}: a run has no key");
            var name = run["outcome"] is JsonValue o && o.TryGetValue<string>(out var n) ? n : null;
            outcomes[key] = Outcomes.TryParse(name, out var outcome) ? outcome : throw new FormatException($"{path}: run {key} has an unknown outcome {name}");
        }

        return outcomes;
    }

    private static JsonObject Run(RunResult result, RunExpectation expectation)
    {
        var run = result.Run;
        var loneSurrogates = new List<ReadableJson.LoneSurrogate>();
        var json = new JsonObject
        {
            ["key"] = run.Key,
            ["id"] = run.Case.Id,
            ["draft"] = run.Draft,
            ["topic"] = run.Case.Topic,
            ["operation"] = run.Case.Operation,
            ["rules"] = Strings(run.Case.Rules),
            ["features"] = Strings(run.Case.Features),
            ["flags"] = Strings(run.Case.Flags),
            ["description"] = run.Case.Description,
            ["outcome"] = result.Outcome.ToWireName(),
            ["declared"] = result.Declared,
            ["expected"] = ReadableJson.Copy(run.Case.ExpectedJson(), "/expected", loneSurrogates),
            ["actual"] = ReadableJson.Copy(result.Judgement.Actual, "/actual", loneSurrogates),
            ["actual_cut"] = result.Judgement.ActualCut,
            ["error_codes"] = new JsonArray(result.Judgement.ActualErrors.Select(e => (JsonNode?)e).ToArray()),
            ["detail"] = result.Judgement.Detail,
            ["messages"] = Strings(RunDescription.Messages(result)),
            ["stderr"] = result.Stderr,
            ["duration_ms"] = Milliseconds(result.Duration),
            ["expectation"] = new JsonObject
            {
                ["status"] = expectation.Status.ToWireName(),
                ["key"] = expectation.EntryKey,
                ["outcome"] = expectation.Entry?.Outcome.ToWireName(),
                ["reason"] = expectation.Entry?.Reason,
                ["issue"] = expectation.Entry?.Issue,
                ["note"] = expectation.Note,
            },
        };
        if (loneSurrogates.Count > 0)
        {
            json["lone_surrogates"] = new JsonArray(loneSurrogates.Select(l => (JsonNode?)new JsonObject { ["pointer"] = l.Location, ["text"] = l.Text }).ToArray());
        }

        return json;
    }

    /// <summary>The start reply's shape: optional members are absent rather than null.</summary>
    private static JsonObject WithoutNulls(JsonObject json)
    {
        foreach (var (member, value) in json.ToList())
        {
            if (value is null)
            {
                json.Remove(member);
            }
        }

        return json;
    }

    private static double Milliseconds(TimeSpan span) => Math.Round(span.TotalMilliseconds, 3);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
