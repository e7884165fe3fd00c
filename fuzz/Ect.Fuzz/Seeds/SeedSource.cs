using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Fuzz.Seeds;

/// <summary>
/// What seeds are made from: the vector corpus when it exists (the YAML files and the compiled
/// bundle), read without assuming more of their shape than "cases have an operation and an input",
/// because the corpus is still being written. Hand-built inputs come from <see cref="SampleTokens"/> and each target.
/// </summary>
public sealed class SeedSource
{
    private SeedSource(IReadOnlyList<(string Name, string Text)> yamlFiles, IReadOnlyList<(string Name, JsonObject Case)> cases)
    {
        YamlFiles = yamlFiles;
        Cases = cases;
    }

    /// <summary>No vectors: hand-built seeds only.</summary>
    public static SeedSource Empty { get; } = new([], []);

    /// <summary>Vector files as text, by file name.</summary>
    public IReadOnlyList<(string Name, string Text)> YamlFiles { get; }

    /// <summary>Every case found in the corpus (YAML files and bundle), by a name that says where it came from.</summary>
    public IReadOnlyList<(string Name, JsonObject Case)> Cases { get; }

    /// <summary>Reads <c>DIR/*.yaml</c> and <c>DIR/dist/*.json</c>; a missing folder or an unreadable file is skipped with a note on <paramref name="log"/>.</summary>
    public static SeedSource Load(string? vectorsDirectory, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (vectorsDirectory is null || !Directory.Exists(vectorsDirectory))
        {
            return Empty;
        }

        var yamlFiles = new List<(string, string)>();
        var cases = new List<(string, JsonObject)>();
        foreach (var file in Directory.EnumerateFiles(vectorsDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var text = File.ReadAllText(file);
            yamlFiles.Add((name, text));
            try
            {
                CollectCases(YamlJson.Parse(text, name), name, cases);
            }
            catch (FormatException e)
            {
                log.WriteLine($"seed: skipping the cases of {name}: {e.Message}");
            }
        }

        var dist = Path.Combine(vectorsDirectory, "dist");
        if (Directory.Exists(dist))
        {
            foreach (var file in Directory.EnumerateFiles(dist, "*.json").Order(StringComparer.Ordinal))
            {
                var name = "dist/" + Path.GetFileName(file);
                try
                {
                    CollectCases(JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { MaxDepth = 1024 }), name, cases);
                }
                catch (JsonException e)
                {
                    log.WriteLine($"seed: skipping {name}: {e.Message}");
                }
            }
        }

        return new SeedSource(yamlFiles, cases);
    }

    /// <summary>Finds case-shaped objects at any depth, so that a change of the bundle's envelope does not lose the seeds.</summary>
    private static void CollectCases(JsonNode? node, string source, List<(string, JsonObject)> cases)
    {
        switch (node)
        {
            case JsonObject obj when obj["operation"] is JsonValue && obj["input"] is JsonObject:
                var id = obj["id"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : $"#{cases.Count}";
                cases.Add(($"{source}:{id}", obj));
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    CollectCases(child, source, cases);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CollectCases(child, source, cases);
                }

                break;
        }
    }

    /// <summary>The cases of one operation.</summary>
    public IEnumerable<(string Name, JsonObject Case)> CasesOf(string operation) =>
        Cases.Where(c => c.Case["operation"] is JsonValue v && v.TryGetValue<string>(out var op) && op == operation);

    /// <summary>Every string in the corpus shaped like a token (two dots, no spaces), from any case's input.</summary>
    public IEnumerable<(string Name, string Token)> Tokens()
    {
        foreach (var (name, c) in Cases)
        {
            var i = 0;
            foreach (var text in Strings(c["input"]))
            {
                if (text.Length > 0 && text.Count(ch => ch == '.') >= 2 && !text.Contains(' ', StringComparison.Ordinal) && !text.Contains(',', StringComparison.Ordinal))
                {
                    yield return ($"{name}#{i++}", text);
                }
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return text;
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    foreach (var s in Strings(child))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var s in Strings(child))
                    {
                        yield return s;
                    }
                }

                break;
        }
    }
}
