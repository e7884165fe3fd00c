using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;
using Json.Schema;

namespace Ect.Conformance.Tests.Support;

/// <summary>Validates JSON against the project's published schemas (docs/schemas, copied beside the tests).</summary>
internal static class SchemaValidator
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    /// <summary>Problems found, empty when valid. <paramref name="name"/> is relative to docs/schemas, e.g. protocol/run-reply.schema.json.</summary>
    public static IReadOnlyList<string> Problems(string name, JsonNode? instance) =>
        SchemaCheck.Problems(Schemas.Value[name], instance, Schemas.Value.Values);

    public static void AssertValid(string name, JsonNode? instance) =>
        Assert.That(Problems(name, instance), Is.Empty, () => $"{name}: {instance?.ToJsonString()[..Math.Min(400, instance.ToJsonString().Length)]}");

    public static IEnumerable<string> Names => Schemas.Value.Keys;

    private static Dictionary<string, JsonSchema> Load()
    {
        var root = TestFixtures.SchemasDir;
        return Directory.EnumerateFiles(root, "*.schema.json", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetRelativePath(root, path).Replace('\\', '/'),
                path => JsonSchema.FromText(File.ReadAllText(path)));
    }

    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 10_000 });
}
