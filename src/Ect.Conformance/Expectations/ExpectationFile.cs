using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Expectations;

/// <summary>
/// A per-implementation file of known deviations (harness protocol §3), in the same strict YAML as
/// the vectors. It maps a run key (<c>id@01</c>) or a case id (every mode of the case) to
/// <c>{outcome, reason, issue?}</c>. A run key entry wins over a case id entry.
/// </summary>
public sealed class ExpectationFile
{
    /// <summary>The text that marks a reason nobody has written yet.</summary>
    public const string TodoReason = "TODO: explain";

    private static readonly HashSet<string> Members = ["outcome", "reason", "issue"];

    public ExpectationFile(IReadOnlyDictionary<string, Expectation> entries) =>
        Entries = new SortedDictionary<string, Expectation>(entries.ToDictionary(), StringComparer.Ordinal);

    public static ExpectationFile Empty { get; } = new(new Dictionary<string, Expectation>());

    public IReadOnlyDictionary<string, Expectation> Entries { get; }

    /// <summary>Reads a file; throws <see cref="FileNotFoundException"/> or <see cref="FormatException"/> naming the file and entry at fault.</summary>
    public static ExpectationFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"expectations file {path} does not exist", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static ExpectationFile Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (!HasContent(yaml))
        {
            return Empty;
        }

        if (YamlJson.Parse(yaml, sourceName) is not JsonObject root)
        {
            throw new FormatException($"{sourceName}: an expectations file is a mapping from run key (id@01) or case id to {{outcome, reason, issue}}");
        }

        var entries = new Dictionary<string, Expectation>(StringComparer.Ordinal);
        foreach (var (key, node) in root)
        {
            entries[key] = ParseEntry(key, node, sourceName);
        }

        return new ExpectationFile(entries);
    }

    /// <summary>The entry that applies to a run: its run key first, then its case id.</summary>
    public (string Key, Expectation Entry)? Find(CaseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (Entries.TryGetValue(run.Key, out var byKey))
        {
            return (run.Key, byKey);
        }

        return Entries.TryGetValue(run.Case.Id, out var byId) ? (run.Case.Id, byId) : null;
    }

    /// <summary>The file text: entries sorted by key, strings JSON-quoted so every YAML reader reads them alike.</summary>
    public string Serialize(string? headerComment = null)
    {
        var text = new StringBuilder();
        foreach (var line in (headerComment ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append("# ").Append(line.TrimEnd()).Append('\n');
        }

        if (Entries.Count == 0)
        {
            return text.Append("{}\n").ToString();
        }

        foreach (var (key, entry) in Entries)
        {
            text.Append(Quote(key)).Append(":\n");
            text.Append("  outcome: ").Append(entry.Outcome.ToWireName()).Append('\n');
            text.Append("  reason: ").Append(Quote(entry.Reason)).Append('\n');
            if (entry.Issue is not null)
            {
                text.Append("  issue: ").Append(Quote(entry.Issue)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static Expectation ParseEntry(string key, JsonNode? node, string source)
    {
        if (key.Length == 0)
        {
            throw new FormatException($"{source}: an entry has an empty key");
        }

        if (node is not JsonObject entry)
        {
            throw new FormatException($"{source}: {key}: an entry is a mapping {{outcome, reason, issue}}");
        }

        foreach (var (member, _) in entry)
        {
            if (!Members.Contains(member))
            {
                throw new FormatException($"{source}: {key}: unknown member \"{member}\" (expected outcome, reason, issue)");
            }
        }

        var outcomeName = Text(entry, "outcome");
        if (!Outcomes.TryParse(outcomeName, out var outcome))
        {
            throw new FormatException($"{source}: {key}: outcome must be one of {string.Join(", ", Enum.GetValues<Outcome>().Select(o => o.ToWireName()))}");
        }

        if (outcome == Outcome.Pass)
        {
            throw new FormatException($"{source}: {key}: outcome pass is what every unlisted run is expected to do; remove the entry");
        }

        var reason = Text(entry, "reason") ?? throw new FormatException($"{source}: {key}: reason must be a non-empty string");
        var issue = entry.ContainsKey("issue")
            ? Text(entry, "issue") ?? throw new FormatException($"{source}: {key}: issue must be a non-empty string (a link)")
            : null;
        return new Expectation(outcome, reason, issue);
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0 ? s : null;

    /// <summary>A file of comments and blank lines holds no YAML document at all; it means no deviation.</summary>
    private static bool HasContent(string yaml) =>
        yaml.Split('\n').Any(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'));

    private static string Quote(string text) => JsonValue.Create(text).ToJsonString();
}
