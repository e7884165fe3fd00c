using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Reports;

/// <summary>
/// Copies what an implementation echoed (or a case carries) into JSON that scripts can read:
/// jq 1.6 refuses documents nested past 256 levels and escaped lone surrogates, and Python's
/// <c>json.load</c> recurses once per level. Containers deeper than <see cref="MaxDepth"/> below
/// the copied value become an <c>{"elided": true, "depth", "bytes", "sha256"}</c> marker, and a
/// string holding a lone surrogate has it replaced by U+FFFD, its exact source text kept in
/// <see cref="LoneSurrogate"/>. The copy streams over the compact text with a reader, never
/// walking the node tree: materialising a 20,000-deep <see cref="JsonNode"/> costs seconds.
/// </summary>
public static class ReadableJson
{
    /// <summary>Levels of an echoed value kept as they are; results.json's own levels stay well under jq's 256 on top of it.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonWriterOptions CompactOptions = new() { MaxDepth = ReplyReader.MaxDepth * 4, SkipValidation = true };

    private static readonly JsonWriterOptions CopyOptions = new() { MaxDepth = MaxDepth + 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = ReplyReader.MaxDepth * 4 };

    private static readonly JsonDocumentOptions CopyDocumentOptions = new() { MaxDepth = MaxDepth + 2 };

    /// <summary>A string that held a lone surrogate: where (a JSON Pointer) and its source text between the quotes, escapes kept.</summary>
    public sealed record LoneSurrogate(string Location, string Text);

    /// <summary>
    /// The readable copy of <paramref name="node"/>. <paramref name="location"/> is where the copy
    /// will sit (e.g. <c>/actual</c>); every lone surrogate found is added to <paramref name="loneSurrogates"/>.
    /// </summary>
    public static JsonNode? Copy(JsonNode? node, string location, ICollection<LoneSurrogate> loneSurrogates, int maxDepth = MaxDepth)
    {
        ArgumentNullException.ThrowIfNull(loneSurrogates);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDepth, MaxDepth);
        if (node is null)
        {
            return null;
        }

        var source = CompactUtf8(node);
        if (AlreadyReadable(source, maxDepth))
        {
            // Nearly every value: a plain clone is cheaper than re-parsing the copy.
            return node.DeepClone();
        }

        var copy = new ArrayBufferWriter<byte>(source.Length + 64);
        using (var writer = new Utf8JsonWriter(copy, CopyOptions))
        {
            CopyTokens(source, writer, location, loneSurrogates, maxDepth);
        }

        return JsonNode.Parse(copy.WrittenSpan, documentOptions: CopyDocumentOptions);
    }

    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true, MaxDepth = MaxDepth + 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The readable copy as indented text, for reports that show JSON (the copy is bounded and clean, so plain indenting is safe).</summary>
    public static string Text(JsonNode? node, int maxDepth = MaxDepth) =>
        Copy(node, "", new List<LoneSurrogate>(), maxDepth)?.ToJsonString(IndentedOptions) ?? "null";

    /// <summary>
    /// Compact UTF-8 text of a node. A node parsed from text and not yet walked writes its source
    /// directly, fast at any depth; one holding a lone surrogate escape cannot be re-encoded by
    /// System.Text.Json and goes through <see cref="JsonText"/>, which copies source text.
    /// </summary>
    private static byte[] CompactUtf8(JsonNode node)
    {
        try
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, CompactOptions))
            {
                node.WriteTo(writer);
            }

            return buffer.WrittenSpan.ToArray();
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetBytes(JsonText.Serialize(node));
        }
    }

    /// <summary>True when the text nests no deeper than <paramref name="maxDepth"/> and escapes no surrogate (paired ones are checked the slow way too).</summary>
    private static bool AlreadyReadable(ReadOnlySpan<byte> source, int maxDepth)
    {
        var reader = new Utf8JsonReader(source, ReaderOptions);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= maxDepth:
                    return false;
                case JsonTokenType.String or JsonTokenType.PropertyName when reader.ValueIsEscaped && EscapesSurrogate(reader.ValueSpan):
                    return false;
            }
        }

        return true;
    }

    private static bool EscapesSurrogate(ReadOnlySpan<byte> raw)
    {
        var i = 0;
        while (i + 2 < raw.Length)
        {
            if (raw[i] != '\\')
            {
                i++;
                continue;
            }

            // Every escape starts with a backslash and its letter; \\ is skipped whole, so a literal "\\ud800" is not mistaken for one.
            if (raw[i + 1] == 'u' && (raw[i + 2] | 0x20) == 'd')
            {
                return true;
            }

            i += 2;
        }

        return false;
    }

    private static void CopyTokens(ReadOnlySpan<byte> source, Utf8JsonWriter writer, string location, ICollection<LoneSurrogate> loneSurrogates, int maxDepth)
    {
        var reader = new Utf8JsonReader(source, ReaderOptions);
        // One entry per open container: the index of the array item being written, or InObject;
        // names[i] the member being written at that level.
        var indices = new List<int>();
        var names = new List<string?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = ReadString(ref reader, out var nameLossy);
                    names[^1] = name;
                    if (nameLossy)
                    {
                        loneSurrogates.Add(new LoneSurrogate(PointerTo(location, indices, names), Encoding.UTF8.GetString(reader.ValueSpan)));
                    }

                    writer.WritePropertyName(name);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray when indices.Count >= maxDepth:
                    NextValue(indices);
                    WriteElided(ref reader, source, writer);
                    break;
                case JsonTokenType.StartObject:
                    NextValue(indices);
                    indices.Add(InObject);
                    names.Add(null);
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.StartArray:
                    NextValue(indices);
                    indices.Add(-1);
                    names.Add(null);
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    indices.RemoveAt(indices.Count - 1);
                    names.RemoveAt(names.Count - 1);
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        writer.WriteEndObject();
                    }
                    else
                    {
                        writer.WriteEndArray();
                    }

                    break;
                case JsonTokenType.String:
                    NextValue(indices);
                    var text = ReadString(ref reader, out var lossy);
                    if (lossy)
                    {
                        loneSurrogates.Add(new LoneSurrogate(PointerTo(location, indices, names), Encoding.UTF8.GetString(reader.ValueSpan)));
                    }

                    writer.WriteStringValue(text);
                    break;
                default:
                    // Numbers keep their exact text; true, false and null are what they are.
                    NextValue(indices);
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
            }
        }
    }

    /// <summary>Replaces the container starting at the reader with its marker, and leaves the reader on its end.</summary>
    private static void WriteElided(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, Utf8JsonWriter writer)
    {
        var start = (int)reader.TokenStartIndex;
        var baseDepth = reader.CurrentDepth;
        var deepest = baseDepth;
        do
        {
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                deepest = Math.Max(deepest, reader.CurrentDepth);
            }
        }
        while (!(reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == baseDepth));

        var text = source[start..(int)reader.BytesConsumed];
        writer.WriteStartObject();
        writer.WriteBoolean("elided", true);
        writer.WriteNumber("depth", deepest - baseDepth + 1);
        writer.WriteNumber("bytes", text.Length);
        writer.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(text)));
        writer.WriteEndObject();
    }

    private const int InObject = -2;

    private static void NextValue(List<int> indices)
    {
        if (indices.Count > 0 && indices[^1] != InObject)
        {
            indices[^1]++;
        }
    }

    /// <summary>The string the token holds; a lone surrogate (which has no UTF-16 string the writer accepts) becomes U+FFFD and <paramref name="lossy"/> is set.</summary>
    private static string ReadString(ref Utf8JsonReader reader, out bool lossy)
    {
        lossy = false;
        if (!reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        try
        {
            var text = reader.GetString()!;
            if (!HasLoneSurrogate(text))
            {
                return text;
            }
        }
        catch (InvalidOperationException)
        {
            // Lone surrogate escape: decoded by hand below.
        }

        lossy = true;
        return LenientUnescape(reader.ValueSpan);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>JSON string escapes decoded, each lone surrogate as U+FFFD.</summary>
    private static string LenientUnescape(ReadOnlySpan<byte> raw)
    {
        var units = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOf((byte)'\\');
            if (next < 0)
            {
                units.Append(Encoding.UTF8.GetString(raw[i..]));
                break;
            }

            units.Append(Encoding.UTF8.GetString(raw.Slice(i, next)));
            i += next;
            var escape = (char)raw[i + 1];
            if (escape == 'u')
            {
                units.Append((char)Convert.ToUInt16(Encoding.ASCII.GetString(raw.Slice(i + 2, 4)), 16));
                i += 6;
                continue;
            }

            units.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
            i += 2;
        }

        var text = units.ToString().ToCharArray();
        for (var k = 0; k < text.Length; k++)
        {
            if (char.IsHighSurrogate(text[k]) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
            {
                k++;
            }
            else if (char.IsSurrogate(text[k]))
            {
                text[k] = '\uFFFD';
            }
        }

        return new string(text);
    }

    /// <summary>RFC 6901 pointer of the value (or member name) the reader is on.</summary>
    private static string PointerTo(string root, List<int> indices, List<string?> names)
    {
        var pointer = new StringBuilder(root);
        for (var level = 0; level < indices.Count; level++)
        {
            var segment = indices[level] == InObject ? names[level] ?? "" : indices[level].ToString(System.Globalization.CultureInfo.InvariantCulture);
            pointer.Append('/').Append(segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return pointer.ToString();
    }
}
