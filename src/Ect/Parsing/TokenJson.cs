using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ect.Parsing;

/// <summary>Compact UTF-8 serialization of JSON nodes, as tokens carry them.</summary>
internal static class JsonBytes
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,

        // Non-ASCII text and characters such as '+' stay literal, as other implementations write them; the default encoder would escape them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
