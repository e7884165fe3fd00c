using System.Text.Json.Nodes;

namespace Ect.Conformance.Judging;

/// <summary>
/// Structural equality of two JSON trees with the meaning of <see cref="JsonNode.DeepEquals"/>
/// (members in any order, array items in order, scalars compared by that method), in one pass with
/// an explicit stack. JsonNode.DeepEquals recurses and its cost grows with the square of the nesting
/// depth (seven seconds for two 25,000-deep arrays); this visits each pair of nodes once and stops at
/// the first difference.
/// </summary>
public static class JsonEquality
{
    /// <summary>True when both trees hold the same JSON; <paramref name="visited"/> counts the node pairs compared.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b, out long visited)
    {
        visited = 0;
        var pending = new Stack<(JsonNode? A, JsonNode? B)>();
        pending.Push((a, b));
        while (pending.Count > 0)
        {
            var (x, y) = pending.Pop();
            visited++;
            switch (x, y)
            {
                case (JsonObject ox, JsonObject oy):
                    if (ox.Count != oy.Count)
                    {
                        return false;
                    }

                    foreach (var (name, value) in ox)
                    {
                        if (!oy.TryGetPropertyValue(name, out var other))
                        {
                            return false;
                        }

                        pending.Push((value, other));
                    }

                    break;
                case (JsonArray ax, JsonArray ay):
                    if (ax.Count != ay.Count)
                    {
                        return false;
                    }

                    for (var i = ax.Count - 1; i >= 0; i--)
                    {
                        pending.Push((ax[i], ay[i]));
                    }

                    break;
                case (JsonObject or JsonArray, _) or (_, JsonObject or JsonArray) when x?.GetValueKind() != y?.GetValueKind():
                    // A container against a scalar or null: decided by kind, without handing a deep tree to the framework.
                    return false;
                default:
                    // Scalars and nulls: shallow, so the framework's comparison (numbers by value, strings unescaped) costs nothing here.
                    if (!JsonNode.DeepEquals(x, y))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <inheritdoc cref="DeepEquals(JsonNode?, JsonNode?, out long)"/>
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => DeepEquals(a, b, out _);
}
