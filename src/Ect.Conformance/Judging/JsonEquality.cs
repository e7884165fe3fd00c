using System.Text.Json.Nodes;

namespace Ect.Conformance.Judging;

/// <summary>
/// Structural equality of two JSON trees with the meaning of <see cref="JsonNode.DeepEquals"/>
/// (members in any order, array items in order, scalars compared by that method), in one pass with
/// an explicit stack. JsonNode.DeepEquals recurses and its cost grows with the square of the nesting
/// depth (seven seconds for two 25,000-deep arrays); this visits each pair of nodes once and stops at
/// the first difference. Numbers are equal when their values are, or when they are the same IEEE
/// double: past double precision JSON numbers are not interoperable (RFC 8259 §6, RFC 7493 §2.2),
/// so an implementation that reads 300 nines as a double and echoes 1e+300 has read the same
/// number, and CLM-3 lets a time past ±(2^53 − 1) be read as its nearest double.
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
                    if (!ScalarEquals(x, y) && !SameDouble(x, y))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>The framework's scalar comparison, which throws on a number whose exponent does not fit an int (1e99999999999): those compare by text.</summary>
    private static bool ScalarEquals(JsonNode? x, JsonNode? y)
    {
        try
        {
            return JsonNode.DeepEquals(x, y);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (x?.ToJsonString() ?? "null") == (y?.ToJsonString() ?? "null");
        }
    }

    /// <summary>Two numbers that parse to one finite double; a number too large for a double (1e400) matches only itself.</summary>
    private static bool SameDouble(JsonNode? x, JsonNode? y)
    {
        if (x is not JsonValue a || y is not JsonValue b || a.GetValueKind() != System.Text.Json.JsonValueKind.Number || b.GetValueKind() != System.Text.Json.JsonValueKind.Number)
        {
            return false;
        }

        const System.Globalization.NumberStyles Style = System.Globalization.NumberStyles.Float;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return double.TryParse(a.ToJsonString(), Style, culture, out var da) && double.TryParse(b.ToJsonString(), Style, culture, out var db)
            && double.IsFinite(da) && double.IsFinite(db) && da.Equals(db);
    }

    /// <inheritdoc cref="DeepEquals(JsonNode?, JsonNode?, out long)"/>
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => DeepEquals(a, b, out _);
}
