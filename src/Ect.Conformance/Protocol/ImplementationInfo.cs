using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>What an implementation says of itself in its reply to <c>start</c> (harness protocol §2).</summary>
public sealed record ImplementationInfo
{
    /// <summary>Characters of a declared string kept (name, version, a feature...): every report repeats them.</summary>
    public const int MaxStringChars = 256;

    /// <summary>Entries of a declared list kept; the corpus knows a handful of drafts, operations and features.</summary>
    public const int MaxListEntries = 64;

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
        Homepage = JsonText.TryGetString(json["homepage"], out var homepage) ? TextLimit.Shorten(homepage, MaxStringChars) : null,
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
            ? TextLimit.Shorten(s, MaxStringChars)
            : throw new FormatException($"implementation.{name} must be a non-empty string");

    private static string[] List(JsonObject json, string name, bool required) => json[name] switch
    {
        null when !required => [],
        JsonArray a when a.All(n => JsonText.TryGetString(n, out _)) => Bounded(a.Select(n => JsonText.TryGetString(n, out var s) ? TextLimit.Shorten(s, MaxStringChars) : "").ToArray()),
        _ => throw new FormatException($"implementation.{name} must be a list of strings"),
    };

    // The entry that says how many were left out names no draft, operation or feature, so it declares nothing.
    private static string[] Bounded(string[] entries) =>
        entries.Length <= MaxListEntries ? entries : [.. entries.Take(MaxListEntries), $"[cut: {entries.Length - MaxListEntries} more entries]"];
}
