using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>What an implementation says of itself in its reply to <c>start</c> (harness protocol §2).</summary>
public sealed record ImplementationInfo
{
    public required string Name { get; init; }

    public required string Language { get; init; }

    public required string Version { get; init; }

    public string? Homepage { get; init; }

    public required IReadOnlyList<string> Drafts { get; init; }

    public required IReadOnlyList<string> Operations { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Reads the <c>implementation</c> object; throws <see cref="FormatException"/> naming the member at fault.</summary>
    public static ImplementationInfo FromJson(JsonObject json) => new()
    {
        Name = Text(json, "name"),
        Language = Text(json, "language"),
        Version = Text(json, "version"),
        Homepage = JsonText.TryGetString(json["homepage"], out var homepage) ? homepage : null,
        Drafts = List(json, "drafts", required: true),
        Operations = List(json, "operations", required: true),
        Features = List(json, "features", required: false),
    };

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["language"] = Language,
        ["version"] = Version,
        ["homepage"] = Homepage,
        ["drafts"] = new JsonArray(Drafts.Select(d => (JsonNode?)d).ToArray()),
        ["operations"] = new JsonArray(Operations.Select(o => (JsonNode?)o).ToArray()),
        ["features"] = new JsonArray(Features.Select(f => (JsonNode?)f).ToArray()),
    };

    private static string Text(JsonObject json, string name) =>
        JsonText.TryGetString(json[name], out var s) && s.Length > 0
            ? s
            : throw new FormatException($"implementation.{name} must be a non-empty string");

    private static string[] List(JsonObject json, string name, bool required) => json[name] switch
    {
        null when !required => [],
        JsonArray a when a.All(n => JsonText.TryGetString(n, out _)) => a.Select(n => JsonText.TryGetString(n, out var s) ? s : "").ToArray(),
        _ => throw new FormatException($"implementation.{name} must be a list of strings"),
    };
}
