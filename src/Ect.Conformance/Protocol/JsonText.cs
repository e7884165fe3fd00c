using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ect.Conformance.Protocol;

/// <summary>
/// Writes JSON nodes as text without ever failing on what hostile vectors carry. A node parsed from
/// text keeps its source escapes, and System.Text.Json refuses to re-encode an escaped lone
/// surrogate (<c>"\ud800"</c>, which JSON allows); such values are copied as their original text
/// instead, which is valid JSON and says exactly what the implementation sent. Use it for every
/// JSON the runner writes (protocol lines, results, reports, the site); content hashes use
/// <see cref="Cases.CanonicalJson"/>, and the engine's token parts its own writer.
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

    /// <summary>The UTF-8 bytes of <see cref="Serialize"/>, without the detour through a string.</summary>
    internal static byte[] SerializeToUtf8Bytes(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            WriteTree(writer, node, int.MaxValue, long.MaxValue);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Indented JSON, the first <paramref name="indentDepth"/> levels only: below that each value is
    /// one compact line, since indenting a 30,000-level hostile payload would take gigabytes.
    /// <paramref name="relaxed"/> leaves <c>+</c>, quotes and non-ASCII letters unescaped for reading
    /// (not for embedding in HTML).
    /// </summary>
    public static string Pretty(JsonNode? node, bool relaxed = false, int indentDepth = 8) =>
        Write(node, relaxed ? Readable : Indented, indentDepth);

    /// <summary>
    /// Compact JSON cut after about <paramref name="maxChars"/> characters (ending in <c>...</c>), for
    /// messages: writing stops there, so quoting a reply of megabytes costs no more than its start
    /// (and at most one whole scalar).
    /// </summary>
    public static string Excerpt(JsonNode? node, int maxChars)
    {
        var text = Write(node, Compact, int.MaxValue, maxChars, out var stopped);
        return text.Length <= maxChars && !stopped ? text : string.Concat(text.AsSpan(0, Math.Min(text.Length, Math.Max(0, maxChars - 3))), "...");
    }

    private static string Write(JsonNode? node, JsonWriterOptions options, int indentDepth = int.MaxValue) => Write(node, options, indentDepth, long.MaxValue, out _);

    private static string Write(JsonNode? node, JsonWriterOptions options, int indentDepth, long maxBytes, out bool stopped)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            stopped = !WriteTree(writer, node, indentDepth, maxBytes);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes a tree with an explicit stack: a reply may nest 25,000 levels, and a recursive writer
    /// needs more stack than a thread-pool thread has for that. Stops once more than
    /// <paramref name="maxBytes"/> are written (the text is then cut, not valid JSON); false then.
    /// </summary>
    private static bool WriteTree(Utf8JsonWriter writer, JsonNode? root, int indentDepth, long maxBytes)
    {
        var open = new Stack<(IEnumerator<KeyValuePair<string, JsonNode?>>? Members, IEnumerator<JsonNode?>? Items)>();
        WriteStart(writer, root, 0, indentDepth, open);
        while (open.Count > 0 && writer.BytesCommitted + writer.BytesPending <= maxBytes)
        {
            var (members, items) = open.Peek();
            if (members is not null)
            {
                if (!members.MoveNext())
                {
                    open.Pop().Members!.Dispose();
                    writer.WriteEndObject();
                    continue;
                }

                writer.WritePropertyName(members.Current.Key);
                WriteStart(writer, members.Current.Value, open.Count, indentDepth, open);
            }
            else if (!items!.MoveNext())
            {
                open.Pop().Items!.Dispose();
                writer.WriteEndArray();
            }
            else
            {
                WriteStart(writer, items.Current, open.Count, indentDepth, open);
            }
        }

        return open.Count == 0;
    }

    /// <summary>Writes a scalar whole, or opens a container and pushes its members or items.</summary>
    private static void WriteStart(Utf8JsonWriter writer, JsonNode? node, int depth, int indentDepth, Stack<(IEnumerator<KeyValuePair<string, JsonNode?>>?, IEnumerator<JsonNode?>?)> open)
    {
        if (depth >= indentDepth && writer.Options.Indented && node is JsonObject or JsonArray)
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
                open.Push((obj.GetEnumerator(), null));
                break;
            case JsonArray array:
                writer.WriteStartArray();
                open.Push((null, array.GetEnumerator()));
                break;
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                // Source text as it came: never unescaped, so never refused (its UTF-8 bytes, copied without a string between).
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
