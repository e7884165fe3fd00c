using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Site;

/// <summary>
/// A results document (<c>results.json</c>) read for the site and for compare: who was judged, when,
/// on which corpus, and every run. Only what a run needs to be told apart is required, so documents
/// of older runners still load.
/// </summary>
public sealed class ResultsFile
{
    /// <summary>The name a run whose harness never answered start is grouped under.</summary>
    public const string Unnamed = "(unnamed)";

    public required string Path { get; init; }

    public required string ImplementationName { get; init; }

    public string? ImplementationVersion { get; init; }

    public string? Language { get; init; }

    public required DateTimeOffset Started { get; init; }

    public string RunnerVersion { get; init; } = "";

    public string SuiteVersion { get; init; } = "";

    public string SuiteHash { get; init; } = "";

    public string? StartError { get; init; }

    public required IReadOnlyList<ResultsRun> Runs { get; init; }

    /// <summary>Name and version, as a heading says it.</summary>
    public string Label => ImplementationVersion is null ? ImplementationName : $"{ImplementationName} {ImplementationVersion}";

    /// <summary>Reads a results document; throws <see cref="FormatException"/> naming the file and the problem.</summary>
    public static ResultsFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ReadJson(path), path);
    }

    /// <summary>Parses a file as JSON; a missing file is <see cref="FileNotFoundException"/>, anything else <see cref="FormatException"/>.</summary>
    public static JsonObject ReadJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist", path);
        }

        try
        {
            // Hostile vectors make deep replies, and actual answers are kept as sent.
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { MaxDepth = 100_000 }) as JsonObject
                ?? throw new FormatException($"{path}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not JSON: {e.Message}", e);
        }
    }

    public static ResultsFile Parse(JsonObject root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root["schema_version"] is not JsonValue v || !v.TryGetValue<int>(out var version) || version != 1)
        {
            throw new FormatException($"{path}: not a results document of schema_version 1");
        }

        if (root["runs"] is not JsonArray runs)
        {
            throw new FormatException($"{path}: no runs array");
        }

        // compare needs only the runs; the site orders a history by the start time, so a bad one is refused.
        var startedText = Text(root["run_info"]?["started"]);
        var started = DateTimeOffset.MinValue;
        if (startedText is not null && !DateTimeOffset.TryParse(startedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out started))
        {
            throw new FormatException($"{path}: run_info.started is not a date and time");
        }

        var implementation = root["implementation"] as JsonObject;
        return new ResultsFile
        {
            Path = path,
            ImplementationName = Text(implementation?["name"]) is { Length: > 0 } name ? name : Unnamed,
            ImplementationVersion = Text(implementation?["version"]),
            Language = Text(implementation?["language"]),
            Started = started.ToUniversalTime(),
            RunnerVersion = Text(root["runner"]?["version"]) ?? "",
            SuiteVersion = Text(root["suite"]?["version"]) ?? "",
            SuiteHash = Text(root["suite"]?["hash"]) ?? "",
            StartError = Text(root["run_info"]?["start_error"]),
            Runs = runs.Select((run, index) => ParseRun(run as JsonObject ?? throw new FormatException($"{path}: run {index} is not an object"), path)).ToList(),
        };
    }

    private static ResultsRun ParseRun(JsonObject run, string path)
    {
        var key = Text(run["key"]) ?? throw new FormatException($"{path}: a run has no key");
        var at = key.LastIndexOf('@');
        var outcomeName = Text(run["outcome"]);
        if (!Outcomes.TryParse(outcomeName, out var outcome))
        {
            throw new FormatException($"{path}: run {key} has an unknown outcome {outcomeName}");
        }

        var id = Text(run["id"]) ?? (at > 0 ? key[..at] : key);
        return new ResultsRun
        {
            Key = key,
            Id = id,
            Draft = Text(run["draft"]) ?? (at > 0 ? key[(at + 1)..] : ""),
            Topic = Text(run["topic"]) ?? id.Split("::")[0],
            Operation = Text(run["operation"]) ?? "",
            Rules = Strings(run["rules"]),
            Flags = Strings(run["flags"]),
            Description = Text(run["description"]) ?? "",
            Outcome = outcome,
            Declared = run["declared"] is not JsonValue d || !d.TryGetValue<bool>(out var declared) || declared,
            Expected = run["expected"] as JsonObject,
            Actual = run["actual"],
            Detail = Text(run["detail"]) ?? "",
        };
    }

    private static string? Text(JsonNode? node) => Protocol.JsonText.TryGetString(node, out var text) ? text : null;

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>().ToArray() : [];
}
