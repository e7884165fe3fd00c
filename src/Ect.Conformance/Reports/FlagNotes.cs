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

    /// <summary>Reads <c>notes.yaml</c> in <paramref name="vectorsDir"/> (a results file's suite path); a missing or unreadable file gives no notes rather than no report.</summary>
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

    /// <summary>The notes a loaded corpus carries (<see cref="VectorSuite.Notes"/>): what a run should be reported with.</summary>
    public static FlagNotes Of(IReadOnlyDictionary<string, FlagNote> notes) => new(notes);

    /// <summary>Reads the text of a <c>notes.yaml</c>; throws <see cref="FormatException"/> as the corpus loader does.</summary>
    public static FlagNotes Parse(string yaml) => new(VectorSuite.ParseNotes(YamlJson.Parse(yaml, "notes.yaml")?["flags"], "notes.yaml"));
}
