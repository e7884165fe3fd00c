using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;
using Json.Schema;

namespace Ect.Conformance.Tests.Vectors;

/// <summary>The repository's committed vectors: found by walking up from the test directory to the folder holding Ect.Conformance.sln.</summary>
internal static class VectorRepository
{
    private static readonly Lazy<string> LazyRoot = new(() => FindRoot());
    private static readonly Lazy<VectorSuite> LazySuite = new(() => VectorSuite.Load(VectorsDir));

    public static string Root => LazyRoot.Value;

    public static string VectorsDir => Path.Combine(Root, "vectors");

    public static VectorSuite Suite => LazySuite.Value;

    /// <summary>A committed YAML file of the vectors folder, read as JSON.</summary>
    public static JsonNode? ReadYaml(string name) => YamlJson.Parse(File.ReadAllText(Path.Combine(VectorsDir, name)), name);

    /// <summary>Schema problems of <paramref name="instance"/> against <c>vectors/schema/<paramref name="schemaFile"/></c>; empty when valid.</summary>
    public static IReadOnlyList<string> SchemaProblems(string schemaFile, JsonNode? instance)
    {
        var schemas = Directory.EnumerateFiles(Path.Combine(VectorsDir, "schema"), "*.schema.json").Order(StringComparer.Ordinal)
            .ToDictionary(path => Path.GetFileName(path)!, path => JsonSchema.FromText(File.ReadAllText(path)));
        return SchemaCheck.Problems(schemas[schemaFile], instance, schemas.Values).Take(20).ToList();
    }

    /// <summary>The test directory first; the source folder of this file last, for builds whose output lives outside the repository (--artifacts-path).</summary>
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { TestContext.CurrentContext.TestDirectory, AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ect.Conformance.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("no folder above the test directory holds Ect.Conformance.sln");
    }
}
