using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Reports;

/// <summary>The flag notes of a vector folder (<c>notes.yaml</c>), by flag; empty when the folder has none.</summary>
public sealed class FlagNotes
{
    public static readonly FlagNotes None = new(new Dictionary<string, FlagNote>());

    private readonly IReadOnlyDictionary<string, FlagNote> _notes;

    private FlagNotes(IReadOnlyDictionary<string, FlagNote> notes) => _notes = notes;

    public FlagNote? For(string flag) => _notes.TryGetValue(flag, out var note) ? note : null;

    /// <summary>The notes of the flags given, in their order, skipping flags without a note.</summary>
    public IReadOnlyList<FlagNote> For(IEnumerable<string> flags) => flags.Select(For).OfType<FlagNote>().ToList();

    /// <summary>Reads <c>notes.yaml</c> in <paramref name="vectorsDir"/>; a missing or unreadable file gives no notes rather than no report.</summary>
    public static FlagNotes Load(string vectorsDir)
    {
        var path = Path.Combine(vectorsDir, "notes.yaml");
        if (!File.Exists(path))
        {
            return None;
        }

        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException)
        {
            return None;
        }
    }

    public static FlagNotes Parse(string yaml)
    {
        var notes = new Dictionary<string, FlagNote>(StringComparer.Ordinal);
        if (YamlJson.Parse(yaml, "notes.yaml")?["flags"] is JsonObject flags)
        {
            foreach (var (flag, node) in flags)
            {
                notes[flag] = new FlagNote(
                    flag,
                    Text(node?["bug_type"]),
                    Text(node?["description"]),
                    Text(node?["effect"]),
                    node?["links"] is JsonArray links ? links.Select(Text).Where(l => l.Length > 0).ToList() : []);
            }
        }

        return new FlagNotes(notes);
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
