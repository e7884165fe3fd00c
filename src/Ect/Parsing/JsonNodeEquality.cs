using System.Text.Json.Nodes;

namespace Ect.Parsing;

/// <summary>
/// <see cref="JsonNode.DeepEquals"/> without its one surprise: it throws
/// <see cref="ArgumentOutOfRangeException"/> on a number whose exponent does not fit an int
/// (<c>1e99999999999</c>), which a hostile payload can carry anywhere. Such trees are compared by
/// their JSON text instead, so the migration's conflict checks answer rather than throw.
/// </summary>
internal static class JsonNodeEquality
{
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        try
        {
            return JsonNode.DeepEquals(a, b);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Stryker disable once String : DeepEquals throws only for two numbers, so neither side is ever null here
            return (a?.ToJsonString() ?? "null") == (b?.ToJsonString() ?? "null");
        }
    }
}
