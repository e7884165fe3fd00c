using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>
/// Writes JSON nodes as text without ever failing on what hostile vectors carry. A node parsed from
/// text keeps its source escapes, and System.Text.Json refuses to re-encode an escaped lone
/// surrogate (<c>"\ud800"</c>, which JSON allows); such values are copied as their original text
/// instead, which is valid JSON and says exactly what the implementation sent.
/// </summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Compact = new() { MaxDepth = 100_000, SkipValidation = true };
    private static readonly JsonWriterOptions Indented = new() { MaxDepth = 100_000, SkipValidation = true, Indented = true };
    private static readonly JsonWriterOptions Readable = new() { MaxDepth = 100_000, SkipValidation = true, Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The string a JSON value holds. A lone surrogate escape has no string to give, and
    /// <see cref="JsonValue.TryGetValue{T}"/> throws on it rather than returning false; such a
    /// value is returned as its escaped source text (<c>boo\udc00m</c>), which names exactly what was sent.
    /// </summary>
    public static bool TryGetString(JsonNode? node, out string text)
    {
        text = "";
        if (node is not JsonValue value)
        {
            return false;
        }

        try
        {
            if (value.TryGetValue<string>(out var s))
            {
                text = s;
                return true;
            }

            return false;
        }
        catch (InvalidOperationException) when (value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.String)
        {
            var raw = element.GetRawText();
            text = raw[1..^1];
            return true;
        }
    }

    /// <summary>Compact JSON for the wire (one line, ASCII-safe escapes).</summary>
    public static string Serialize(JsonNode? node) => Write(node, Compact);

    /// <summary>
    /// Indented JSON, the first <paramref name="indentDepth"/> levels only: below that each value is
    /// one compact line, since indenting a 30,000-level hostile payload would take gigabytes.
    /// <paramref name="relaxed"/> leaves <c>+</c>, quotes and non-ASCII letters unescaped for reading
    /// (not for embedding in HTML).
    /// </summary>
    public static string Pretty(JsonNode? node, bool relaxed = false, int indentDepth = 8) =>
        Write(node, relaxed ? Readable : Indented, indentDepth);

    private static string Write(JsonNode? node, JsonWriterOptions options, int indentDepth = int.MaxValue)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            WriteNode(writer, node, indentDepth);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, int indentDepth)
    {
        if (indentDepth <= 0 && writer.Options.Indented && node is JsonObject or JsonArray)
        {
            writer.WriteRawValue(Serialize(node), skipInputValidation: true);
            return;
        }

        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, value, indentDepth - 1);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item, indentDepth - 1);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                // Source text as it came: never unescaped, so never refused.
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
