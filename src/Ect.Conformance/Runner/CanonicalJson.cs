using System.Text.Json.Nodes;

namespace Ect.Conformance.Runner;

/// <summary>Compact JSON with object members sorted by name (ordinal), for hashing.</summary>
public static class CanonicalJson
{
    public static string Serialize(JsonNode? node) => Protocol.JsonText.Serialize(Sort(node));

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
