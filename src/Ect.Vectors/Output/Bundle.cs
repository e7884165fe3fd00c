using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Vectors.Output;

/// <summary>
/// <c>vectors/dist/ect-vectors.json</c>: every case of every vector file, with the profile's
/// default parameters filled in, for consumers that do not read YAML. The content hash is the
/// SHA-256 of the canonical JSON (<see cref="CanonicalJson"/>) of the <c>cases</c> array.
/// </summary>
public static class Bundle
{
    public static JsonObject Build(IReadOnlyList<VectorCase> cases, string suiteVersion, int schemaVersion)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var array = new JsonArray(cases.Select(c => (JsonNode?)c.ToJson(withSource: true)).ToArray());
        return new JsonObject
        {
            ["suite_version"] = suiteVersion,
            ["schema_version"] = schemaVersion,
            ["content_hash"] = ContentHash(array),
            ["number_of_cases"] = cases.Count,
            ["cases"] = array,
        };
    }

    /// <summary><c>sha-256:</c> and the lowercase hex SHA-256 of the canonical JSON of <paramref name="cases"/>.</summary>
    public static string ContentHash(JsonArray cases) => "sha-256:" + Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(cases)));

    /// <summary>Indented JSON, two spaces, LF, a final newline.</summary>
    public static string Write(JsonNode bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        return bundle.ToJsonString(options) + "\n";
    }


    /// <summary>The bytes a reader would hash to check <c>content_hash</c>.</summary>
    public static string CanonicalCases(JsonObject bundle) => Encoding.UTF8.GetString(CanonicalJson.Serialize(bundle?["cases"]));
}
