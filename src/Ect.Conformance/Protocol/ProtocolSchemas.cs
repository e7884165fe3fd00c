using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Ect.Conformance.Protocol;

/// <summary>
/// The protocol's JSON Schemas (<c>docs/schemas/protocol/</c>, built into this assembly), for
/// <c>--strict-protocol</c>: every reply is held to its schema as well as read leniently, as
/// Bowtie checks its harnesses. A harness that passes the lenient reading but not this one works
/// with this runner yet may trip another consumer of its replies.
/// </summary>
public static class ProtocolSchemas
{
    /// <summary>Replies longer than this are read leniently only: a schema check parses the whole line into a tree.</summary>
    public const int MaxCheckedBytes = 1024 * 1024;

    public const string StartReply = "start-reply.schema.json";

    public const string RunReply = "run-reply.schema.json";

    // As deep as the lenient reader goes: a reply may echo a payload nested 20,000 levels (the hostile vectors), and the schemas never look inside one.
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 100_000 };

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(Load);

    /// <summary>Where <paramref name="utf8"/> breaks the schema <paramref name="name"/>; empty when it does not, or when it is too long to check.</summary>
    public static IReadOnlyList<string> Problems(string name, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCheckedBytes)
        {
            return [];
        }

        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(utf8, documentOptions: ReadOptions);
        }
        catch (JsonException e)
        {
            return [$"not JSON: {e.Message}"];
        }

        return SchemaCheck.Problems(Schemas.Value[name], instance);
    }

    /// <summary>One line for a report: the schema and its first few problems.</summary>
    public static string Describe(string name, IReadOnlyList<string> problems) =>
        $"strict protocol: the reply breaks {name}: {string.Join("; ", problems.Take(3))}{(problems.Count > 3 ? $" (and {problems.Count - 3} more)" : "")}";

    private static Dictionary<string, JsonSchema> Load()
    {
        var assembly = typeof(ProtocolSchemas).Assembly;
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var name in new[] { StartReply, RunReply })
        {
            using var stream = assembly.GetManifestResourceStream("Ect.Conformance.schemas.protocol." + name)
                ?? throw new InvalidOperationException($"the protocol schema {name} is not built into {assembly.GetName().Name}");
            using var reader = new StreamReader(stream);
            schemas[name] = JsonSchema.FromText(reader.ReadToEnd());
        }

        return schemas;
    }
}
