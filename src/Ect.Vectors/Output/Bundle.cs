using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Vectors.Output;

/// <summary>
/// <c>vectors/dist/ect-vectors.json</c>: every case of every vector file, with the profile's
/// default parameters filled in, and the flag notes, for consumers that do not read YAML (and for
/// the runner, which carries it built in). The content hash is <see cref="CorpusHash"/>.
/// </summary>
public static class Bundle
{
    public static JsonObject Build(IReadOnlyList<VectorCase> cases, string suiteVersion, int schemaVersion, JsonObject notes)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(notes);
        var array = new JsonArray(cases.Select(c => (JsonNode?)c.ToJson(withSource: true)).ToArray());
        return new JsonObject
        {
            ["suite_version"] = suiteVersion,
            ["schema_version"] = schemaVersion,
            ["content_hash"] = CorpusHash.Compute(cases),
            ["number_of_cases"] = cases.Count,
            ["notes"] = notes.DeepClone(),
            ["cases"] = array,
        };
    }

    /// <summary>Indented JSON, two spaces, LF, a final newline.</summary>
    public static string Write(JsonNode bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        return bundle.ToJsonString(options) + "\n";
    }
}
