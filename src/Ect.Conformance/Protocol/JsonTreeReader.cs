using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>
/// Reads JSON text into a fully built <see cref="JsonNode"/> tree in one forward pass. JsonNode.Parse
/// goes through JsonDocument, whose cost grows with the square of the nesting depth (a 24,000-deep
/// reply took over a second to parse, and as long again each time a lazily built node was first
/// walked); a reader token pass with an explicit stack is linear in the text. Containers are built
/// as nodes; every scalar keeps its source text (a <see cref="JsonElement"/>), so an escaped lone
/// surrogate is read exactly as JsonNode.Parse reads it (<see cref="JsonText.TryGetString"/>).
/// </summary>
public static class JsonTreeReader
{
    // Lines are decoded from UTF-8, so only a caller's string can hold a lone surrogate: refuse it rather than replace it.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses one JSON value. Throws <see cref="JsonException"/> for invalid JSON, nesting past
    /// <paramref name="maxDepth"/> or a member name given twice in one object;
    /// <see cref="InvalidOperationException"/> for a member name that holds a lone surrogate escape;
    /// <see cref="ArgumentException"/> for a string that is not valid UTF-16.
    /// </summary>
    public static JsonNode? Parse(string text, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(StrictUtf8.GetBytes(text), maxDepth);
    }

    /// <inheritdoc cref="Parse(string, int)"/>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        // Each open container with the member name it goes under. A container is attached to its
        // parent only when it closes: attaching makes JsonNode look up its options through every
        // ancestor, which is linear while the parent is itself still detached and quadratic otherwise.
        var open = new Stack<(JsonNode Container, string? Name)>();
        JsonNode? root = null;
        string? name = null;
        while (reader.Read())
        {
            JsonNode? node;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    name = reader.GetString();
                    continue;
                case JsonTokenType.StartObject:
                    open.Push((new JsonObject(), name));
                    continue;
                case JsonTokenType.StartArray:
                    open.Push((new JsonArray(), name));
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    (node, name) = open.Pop();
                    break;
                case JsonTokenType.Null:
                    node = null;
                    break;
                default:
                    node = JsonValue.Create(JsonElement.ParseValue(ref reader));
                    break;
            }

            if (open.Count == 0)
            {
                // Utf8JsonReader itself refuses anything after the one top-level value.
                root = node;
            }
            else if (open.Peek().Container is JsonObject parent)
            {
                if (!parent.TryAdd(name!, node))
                {
                    throw new JsonException($"Duplicate member name \"{name}\" in one object");
                }
            }
            else
            {
                ((JsonArray)open.Peek().Container).Add(node);
            }
        }

        return root;
    }
}
