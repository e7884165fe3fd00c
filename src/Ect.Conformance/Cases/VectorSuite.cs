using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ect.Conformance.Cases;

/// <summary>The vector corpus: every case of every YAML file in a folder, checked for shape and unique ids.</summary>
public sealed partial class VectorSuite
{
    private static readonly HashSet<string> CaseMembers =
        ["id", "description", "rules", "drafts", "features", "flags", "operation", "input", "expected"];

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]*(::[a-z0-9][a-z0-9.-]*)+$")]
    private static partial Regex IdPattern();

    private VectorSuite(IReadOnlyList<VectorCase> cases) => Cases = cases;

    public IReadOnlyList<VectorCase> Cases { get; }

    /// <summary>Every run (case × mode).</summary>
    public IEnumerable<CaseRun> Runs() => Cases.SelectMany(c => c.Runs());

    /// <summary>The YAML files beside the cases that hold no cases: the flag notes and the profile's rule list.</summary>
    public static IReadOnlyList<string> MetadataFiles { get; } = ["notes.yaml", "rules.yaml"];

    /// <summary>Files that hold cases: every <c>*.yaml</c> directly in the folder except <see cref="MetadataFiles"/>.</summary>
    public static IEnumerable<string> CaseFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml", SearchOption.TopDirectoryOnly)
            .Where(f => !MetadataFiles.Contains(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal);

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

        return FromCases(cases);
    }

    public static VectorSuite FromCases(IEnumerable<VectorCase> cases)
    {
        var list = cases.ToList();
        var duplicate = list.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"case id {duplicate.Key} is used {duplicate.Count()} times ({string.Join(", ", duplicate.Select(c => c.Source).Distinct())})");
        }

        return new VectorSuite(list);
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
            if (!CaseMembers.Contains(member))
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
            Expected = json["expected"] as JsonObject ?? throw new FormatException($"{sourceName}: case {id}: expected must be a mapping"),
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
