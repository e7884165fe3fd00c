using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ect.Conformance.Cases;

/// <summary>The vector corpus: every case of every YAML file in a folder, checked for shape and unique ids.</summary>
public sealed partial class VectorSuite
{
    /// <summary>The file beside the vector files that names the corpus version (one line, such as <c>1.1.0</c>).</summary>
    public const string VersionFile = "VERSION";

    /// <summary>The version of a corpus whose folder has no <see cref="VersionFile"/>, or of cases put together in code.</summary>
    public const string Unversioned = "unversioned";

    /// <summary>The largest bundle file read (the corpus's own is about 3 MB): past it the file is refused before it is read.</summary>
    public const long MaxBundleBytes = 256L * 1024 * 1024;

    // The bundle is hostile input when a user passes one; its cases are shallow (deep payloads sit inside tokens).
    private static readonly System.Text.Json.JsonDocumentOptions BundleReadOptions = new() { MaxDepth = 256 };

    private readonly Lazy<string> _contentHash;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]*(::[a-z0-9][a-z0-9.-]*)+$")]
    private static partial Regex IdPattern();

    private VectorSuite(IReadOnlyList<VectorCase> cases, string version, IReadOnlyDictionary<string, FlagNote> notes)
    {
        Cases = cases;
        Version = version;
        Notes = notes;
        _contentHash = new Lazy<string>(() => CorpusHash.Compute(Cases));
    }

    public IReadOnlyList<VectorCase> Cases { get; }

    /// <summary>The corpus version (<c>suite_version</c> of the bundle, <see cref="VersionFile"/> of a folder).</summary>
    public string Version { get; }

    /// <summary>The corpus's content hash (<see cref="CorpusHash"/>).</summary>
    public string ContentHash => _contentHash.Value;

    /// <summary>The flag notes by flag name; empty when the corpus came without them.</summary>
    public IReadOnlyDictionary<string, FlagNote> Notes { get; }

    /// <summary>Every run (case × mode).</summary>
    public IEnumerable<CaseRun> Runs() => Cases.SelectMany(c => c.Runs());

    /// <summary>The YAML files beside the cases that hold no cases: the flag notes and the profile's rule list.</summary>
    public static IReadOnlyList<string> MetadataFiles { get; } = ["notes.yaml", "rules.yaml"];

    /// <summary>Files that hold cases: every <c>*.yaml</c> directly in the folder except <see cref="MetadataFiles"/>.</summary>
    public static IEnumerable<string> CaseFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml", SearchOption.TopDirectoryOnly)
            .Where(f => !MetadataFiles.Contains(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Loads a vectors folder or a compiled bundle file (<c>vectors/dist/ect-vectors.json</c>), whichever
    /// <paramref name="path"/> names. Throws <see cref="FileNotFoundException"/> when it names neither,
    /// and <see cref="FormatException"/> naming the file and case at fault.
    /// </summary>
    public static VectorSuite LoadPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return Load(path);
        }

        if (File.Exists(path))
        {
            var size = new FileInfo(path).Length;
            return size > MaxBundleBytes
                ? throw new FormatException($"{Path.GetFileName(path)}: {size} bytes, more than a bundle may hold ({MaxBundleBytes} bytes)")
                : LoadBundle(File.ReadAllText(path), Path.GetFileName(path));
        }

        throw new FileNotFoundException($"{path} is neither a vectors folder nor a bundle file", path);
    }

    /// <summary>Loads a folder of vector files, with the profile's default parameters filled into each input (<see cref="ProfileDefaults"/>). Throws <see cref="FormatException"/> naming the file and case at fault.</summary>
    public static VectorSuite Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"vector folder {directory} does not exist");
        }

        var cases = new List<VectorCase>();
        foreach (var file in CaseFiles(directory))
        {
            var name = Path.GetFileName(file);
            cases.AddRange(ParseFile(File.ReadAllText(file), name));
        }

        var versionPath = Path.Combine(directory, VersionFile);
        var version = File.Exists(versionPath) ? File.ReadAllText(versionPath).Trim() : Unversioned;
        var notesPath = Path.Combine(directory, "notes.yaml");
        var notes = File.Exists(notesPath) ? ParseNotes(YamlJson.Parse(File.ReadAllText(notesPath), "notes.yaml")?["flags"], "notes.yaml") : new Dictionary<string, FlagNote>();
        return FromCases(cases, version, notes);
    }

    /// <summary>
    /// Loads a compiled bundle: its cases (defaults filled again, which changes nothing in a bundle the
    /// generator wrote), its <c>suite_version</c> and its flag notes. A bundle whose <c>content_hash</c> or
    /// <c>number_of_cases</c> does not match its cases was changed after it was built, and is refused.
    /// </summary>
    public static VectorSuite LoadBundle(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject bundle;
        try
        {
            bundle = JsonNode.Parse(json, documentOptions: BundleReadOptions) as JsonObject ?? throw new FormatException($"{sourceName}: a bundle is a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"{sourceName}: not a vector bundle: {e.Message}", e);
        }

        if (bundle["schema_version"] is not JsonValue schema || !schema.TryGetValue<int>(out var schemaVersion) || schemaVersion != 1)
        {
            throw new FormatException($"{sourceName}: schema_version must be 1 (this runner reads bundles of schema 1)");
        }

        var version = bundle["suite_version"] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new FormatException($"{sourceName}: suite_version must be a non-empty string");
        if (bundle["cases"] is not JsonArray array)
        {
            throw new FormatException($"{sourceName}: cases must be an array");
        }

        var cases = array.Select((node, index) =>
        {
            var json = node as JsonObject ?? throw new FormatException($"{sourceName}: case {index} is not an object");
            var source = json["source"] is JsonValue s && s.TryGetValue<string>(out var file) ? file : sourceName;
            var withoutSource = new JsonObject();
            foreach (var (name, value) in json)
            {
                if (name != "source")
                {
                    withoutSource[name] = value?.DeepClone();
                }
            }

            try
            {
                return ParseCase(withoutSource, source);
            }
            catch (FormatException e) when (source != sourceName)
            {
                throw new FormatException($"{sourceName}: {e.Message}", e);
            }
        }).ToList();
        var notes = bundle.ContainsKey("notes") ? ParseNotes(bundle["notes"], sourceName) : new Dictionary<string, FlagNote>();
        var suite = FromCases(cases, version, notes);
        if (bundle["number_of_cases"] is not JsonValue count || !count.TryGetValue<int>(out var n) || n != cases.Count)
        {
            throw new FormatException($"{sourceName}: number_of_cases does not match the {cases.Count} cases it holds");
        }

        var claimed = bundle["content_hash"] is JsonValue h && h.TryGetValue<string>(out var hash) ? hash : null;
        if (claimed != suite.ContentHash)
        {
            throw new FormatException($"{sourceName}: content_hash {claimed ?? "(missing)"} does not match its cases ({suite.ContentHash}); the bundle was changed after it was built");
        }

        return suite;
    }

    public static VectorSuite FromCases(IEnumerable<VectorCase> cases, string version = Unversioned, IReadOnlyDictionary<string, FlagNote>? notes = null)
    {
        var list = cases.ToList();
        var duplicate = list.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"case id {duplicate.Key} is used {duplicate.Count()} times ({string.Join(", ", duplicate.Select(c => c.Source).Distinct())})");
        }

        return new VectorSuite(list, version, notes ?? new Dictionary<string, FlagNote>());
    }

    /// <summary>Reads flag notes: an object of flag name → <c>bug_type</c>, <c>description</c>, <c>effect</c>, <c>links</c>.</summary>
    public static IReadOnlyDictionary<string, FlagNote> ParseNotes(JsonNode? flags, string sourceName)
    {
        if (flags is not JsonObject map)
        {
            throw new FormatException($"{sourceName}: the flag notes must be a mapping of flag names");
        }

        var notes = new Dictionary<string, FlagNote>(StringComparer.Ordinal);
        foreach (var (name, node) in map)
        {
            var note = node as JsonObject ?? throw new FormatException($"{sourceName}: note {name} must be a mapping");
            notes[name] = new FlagNote(
                name,
                Text(note, "bug_type", sourceName, name),
                Text(note, "description", sourceName, name),
                Text(note, "effect", sourceName, name),
                note.ContainsKey("links") ? List(note, "links", sourceName, name) : []);
        }

        return notes;
    }

    public static IReadOnlyList<VectorCase> ParseFile(string yaml, string sourceName)
    {
        if (YamlJson.Parse(yaml, sourceName) is not JsonArray array)
        {
            throw new FormatException($"{sourceName}: a vector file is a list of cases");
        }

        return array.Select((node, index) => ParseCase(node as JsonObject ?? throw new FormatException($"{sourceName}: case {index} is not a mapping"), sourceName)).ToList();
    }

    public static VectorCase ParseCase(JsonObject json, string sourceName)
    {
        var id = Text(json, "id", sourceName, "?");
        foreach (var (member, _) in json)
        {
            if (!VectorCase.MemberNames.Contains(member))
            {
                throw new FormatException($"{sourceName}: case {id}: unknown member \"{member}\"");
            }
        }

        if (!IdPattern().IsMatch(id))
        {
            throw new FormatException($"{sourceName}: case id \"{id}\" is not namespaced lowercase (topic::name)");
        }

        var operation = Text(json, "operation", sourceName, id);
        if (!CaseOperation.All.Contains(operation))
        {
            throw new FormatException($"{sourceName}: case {id}: unknown operation \"{operation}\"");
        }

        var drafts = List(json, "drafts", sourceName, id);
        if (drafts.Length == 0 || drafts.Any(d => d is not ("00" or "01")))
        {
            throw new FormatException($"{sourceName}: case {id}: drafts must list \"00\" and/or \"01\"");
        }

        var input = json["input"] as JsonObject ?? throw new FormatException($"{sourceName}: case {id}: input must be a mapping");
        try
        {
            input = ProfileDefaults.Fill(operation, input);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{sourceName}: case {id}: {e.Message}", e);
        }

        return new VectorCase
        {
            Id = id,
            Description = Text(json, "description", sourceName, id),
            Rules = List(json, "rules", sourceName, id),
            Drafts = drafts,
            Features = json.ContainsKey("features") ? List(json, "features", sourceName, id) : [],
            Flags = json.ContainsKey("flags") ? List(json, "flags", sourceName, id) : [],
            Operation = operation,
            Input = input,
            Expected = ExpectedResult.ListFromJson(json["expected"], CaseOperation.HasOneResultPerToken(operation), $"{sourceName}: case {id}: expected"),
            Source = sourceName,
        };
    }

    private static string Text(JsonObject json, string name, string source, string id) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new FormatException($"{source}: case {id}: {name} must be a non-empty string");

    private static string[] List(JsonObject json, string name, string source, string id) =>
        json[name] is JsonArray a && a.All(n => n is JsonValue v && v.TryGetValue<string>(out _))
            ? a.Select(n => n!.GetValue<string>()).ToArray()
            : throw new FormatException($"{source}: case {id}: {name} must be a list of strings");
}
