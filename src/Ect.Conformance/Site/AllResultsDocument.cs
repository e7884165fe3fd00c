using System.Globalization;
using System.Text.Json.Nodes;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Site;

/// <summary>
/// <c>api/all-results.json</c> (schema <c>docs/schemas/all-results.schema.json</c>): every
/// implementation's latest outcomes and its history of scores, with the cases and flag notes they
/// refer to, for scripts, other sites and <c>compare</c>. Nothing in it depends on when the site was
/// built, so the same results give the same file.
/// </summary>
public static class AllResultsDocument
{
    public const int SchemaVersion = 1;

    /// <summary>The member that tells this document from a results document.</summary>
    public const string Kind = "ect-conformance-all-results";

    public static JsonObject ToJson(SiteData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var cases = new JsonObject();
        foreach (var c in data.Cases)
        {
            cases[c.Id] = new JsonObject
            {
                ["topic"] = c.Topic,
                ["operation"] = c.Operation,
                ["description"] = c.Description,
                ["rules"] = Strings(c.Rules),
                ["flags"] = Strings(c.Flags),
                ["page"] = SitePaths.Case(c.Id),
            };
        }

        var notes = new JsonObject();
        foreach (var (flag, note) in data.Notes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            notes[flag] = new JsonObject { ["bug_type"] = note.BugType, ["description"] = note.Description, ["effect"] = note.Effect };
        }

        return new JsonObject
        {
            ["schema_version"] = SchemaVersion,
            ["kind"] = Kind,
            ["generator"] = new JsonObject { ["name"] = Reports.ResultsDocument.RunnerName, ["version"] = Reports.ResultsDocument.RunnerVersion },
            ["corpus"] = new JsonObject { ["version"] = data.Corpus.Version, ["hash"] = data.Corpus.ContentHash, ["cases"] = data.Corpus.Cases.Count },
            ["implementations"] = new JsonArray(data.Histories.Select(h => (JsonNode?)Implementation(h)).ToArray()),
            ["cases"] = cases,
            ["notes"] = notes,
        };
    }

    private static JsonObject Implementation(ImplementationHistory history)
    {
        var latest = history.Latest;
        var outcomes = new JsonObject();
        foreach (var run in latest.Runs)
        {
            outcomes[run.Key] = run.Outcome.ToWireName();
        }

        var latestJson = Summary(latest);
        latestJson["outcomes"] = outcomes;
        latestJson["not_declared"] = Strings(latest.Runs.Where(r => !r.Declared).Select(r => r.Key));
        latestJson["accepted_forgeries"] = Strings(latest.Runs.Where(r => r.IsUnexpectedAccept).Select(r => r.Key));
        return new JsonObject
        {
            ["name"] = history.Name,
            ["version"] = latest.ImplementationVersion,
            ["language"] = latest.Language,
            ["page"] = SitePaths.Implementation(history),
            ["badges"] = new JsonObject(SiteBuilder.BadgeKinds.Select(k => KeyValuePair.Create(k, (JsonNode?)SitePaths.Badge(history, k)))),
            ["latest"] = latestJson,
            ["history"] = new JsonArray(history.Runs.Select(r => (JsonNode?)Summary(r)).ToArray()),
        };
    }

    private static JsonObject Summary(ResultsFile run)
    {
        var score = Score.Of(run.Runs);
        return new JsonObject
        {
            ["started"] = run.Started.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["version"] = run.ImplementationVersion,
            ["runner_version"] = run.RunnerVersion,
            ["suite"] = new JsonObject { ["version"] = run.SuiteVersion, ["hash"] = run.SuiteHash },
            ["summary"] = new JsonObject
            {
                ["total"] = score.Total,
                ["not_declared"] = score.NotDeclared,
                ["judged"] = score.Judged,
                ["pass"] = score.Pass,
                ["pass_verdict"] = score.PassVerdict,
                ["fail"] = score.Fail,
                ["skipped"] = score.Skipped,
                ["errored"] = score.Errored,
                ["timeout"] = score.Timeout,
                ["crashed"] = score.Crashed,
                ["accepted_forgeries"] = score.UnexpectedAccepts,
                ["verdict_conformance"] = score.Verdict,
                ["diagnosis_conformance"] = score.Diagnosis,
            },
        };
    }

    /// <summary>True when <paramref name="root"/> is an all-results document rather than a results document.</summary>
    public static bool Is(JsonObject root) =>
        root is not null && root["kind"] is JsonValue v && v.TryGetValue<string>(out var kind) && kind == Kind;

    /// <summary>The implementations an all-results document holds, by name.</summary>
    public static IReadOnlyList<string> Names(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return (root["implementations"] as JsonArray ?? []).Select(i => i?["name"]?.GetValue<string>()).OfType<string>().ToList();
    }

    /// <summary>
    /// One implementation's latest outcomes by run key, with the flags of each run's case; throws
    /// <see cref="FormatException"/> naming the problem (a missing name lists the ones there are).
    /// </summary>
    public static (string Label, string SuiteHash, IReadOnlyDictionary<string, Outcome> Outcomes, IReadOnlyDictionary<string, IReadOnlyList<string>> Flags) Read(JsonObject root, string path, string? implementation)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root["schema_version"] is not JsonValue v || !v.TryGetValue<int>(out var version) || version != SchemaVersion)
        {
            throw new FormatException($"{path}: not an all-results document of schema_version {SchemaVersion}");
        }

        var names = Names(root);
        var name = implementation ?? (names.Count == 1 ? names[0]
            : throw new FormatException($"{path} holds {names.Count} implementations ({string.Join(", ", names)}); pick one with --implementation NAME"));
        var entry = (root["implementations"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(i => i["name"]?.GetValue<string>() == name)
            ?? throw new FormatException($"{path} holds no implementation {name} (it holds {string.Join(", ", names)})");
        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        foreach (var (key, value) in entry["latest"]?["outcomes"] as JsonObject ?? throw new FormatException($"{path}: {name} has no latest outcomes"))
        {
            var text = value is JsonValue o && o.TryGetValue<string>(out var t) ? t : null;
            outcomes[key] = Outcomes.TryParse(text, out var outcome) ? outcome : throw new FormatException($"{path}: run {key} has an unknown outcome {text}");
        }

        var cases = root["cases"] as JsonObject;
        var flags = outcomes.Keys.ToDictionary(
            k => k,
            k => (IReadOnlyList<string>)((cases?[k[..Math.Max(0, k.LastIndexOf('@'))]]?["flags"] as JsonArray)?.Select(f => f?.GetValue<string>()).OfType<string>().ToList() ?? []),
            StringComparer.Ordinal);
        var label = $"{name} {entry["version"]?.GetValue<string>()}".Trim();
        var hash = entry["latest"]?["suite"]?["hash"]?.GetValue<string>() ?? "";
        return (label, hash, outcomes, flags);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
