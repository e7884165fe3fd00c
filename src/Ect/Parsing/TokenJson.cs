using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ect.Parsing;

/// <summary>
/// The JSON inside a token: compact UTF-8, non-ASCII left literal, as the engine signs it and as other
/// implementations write it. Use it for bytes that go into a header or payload. (Content hashes use
/// the conformance library's <c>CanonicalJson</c>, members sorted; messages and reports to and from
/// harnesses use its <c>JsonText</c>, which never fails on a lone surrogate a vector carries.)
/// </summary>
internal static class TokenJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Stryker disable once Boolean : whitespace only; every reader parses the JSON and no rule fixes the bytes
        Indented = false,

        // Non-ASCII text and characters such as '+' stay literal, as other implementations write them; the default encoder would escape them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(JsonNode node)
    {
        // Stryker disable once Statement : unreachable: creation and migration serialize nodes they built
        ArgumentNullException.ThrowIfNull(node);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
