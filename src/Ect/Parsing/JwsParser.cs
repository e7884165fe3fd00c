using System.Text;
using System.Text.Json;
using Ect.Errors;

namespace Ect.Parsing;

/// <summary>
/// Compact JWS parsing with the PARSE rules: a size bound before any decoding (PARSE-4),
/// exactly three strict base64url segments (PARSE-1), header and payload UTF-8 JSON objects
/// without duplicate member names (PARSE-2, PARSE-3). Never throws for any input.
/// </summary>
public static class JwsParser
{
    /// <summary>Parses and validates a token; the decoded parts are returned, the JSON is checked and released.</summary>
    public static CompactJws? TryParse(string? token, int maxTokenBytes, out EctError? error)
    {
        using var parsed = TryParseDocuments(token, maxTokenBytes, out error);
        return parsed?.Jws;
    }

    /// <summary>True when the UTF-8 size of <paramref name="token"/> exceeds <paramref name="maxTokenBytes"/>, computed without decoding.</summary>
    public static bool IsTooLarge(string token, int maxTokenBytes) =>
        token.Length > maxTokenBytes
        || ((long)token.Length * 3 > maxTokenBytes && Encoding.UTF8.GetByteCount(token) > maxTokenBytes);

    internal static ParsedToken? TryParseDocuments(string? token, int maxTokenBytes, out EctError? error)
    {
        if (token is null)
        {
            error = new EctError(EctErrorCode.Malformed, "token is null");
            return null;
        }

        if (IsTooLarge(token, maxTokenBytes))
        {
            error = new EctError(EctErrorCode.TokenTooLarge, $"token is larger than max_token_bytes ({maxTokenBytes})");
            return null;
        }

        var first = token.IndexOf('.');
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first < 0 || second < 0 || token.IndexOf('.', second + 1) >= 0)
        {
            var segments = token.AsSpan().Count('.') + 1;
            error = new EctError(EctErrorCode.Malformed, $"compact JWS has 3 segments, this token has {segments}");
            return null;
        }

        var header = DecodeSegment(token.AsSpan(0, first), "header", out error);
        if (header is null)
        {
            return null;
        }

        var payload = DecodeSegment(token.AsSpan(first + 1, second - first - 1), "payload", out error);
        if (payload is null)
        {
            return null;
        }

        // The signature may be empty so that alg "none" tokens reach the alg check (PARSE-1).
        var signature = DecodeSegment(token.AsSpan(second + 1), "signature", out error, allowEmpty: true);
        if (signature is null)
        {
            return null;
        }

        var headerDocument = StrictJson.TryParseObject(header, out var headerError);
        if (headerDocument is null)
        {
            error = new EctError(EctErrorCode.Malformed, "header " + headerError);
            return null;
        }

        var payloadDocument = StrictJson.TryParseObject(payload, out var payloadError);
        if (payloadDocument is null)
        {
            headerDocument.Dispose();
            error = new EctError(EctErrorCode.Malformed, "payload " + payloadError);
            return null;
        }

        error = null;
        return new ParsedToken(new CompactJws(token, header, payload, signature, second), headerDocument, payloadDocument);
    }

    private static byte[]? DecodeSegment(ReadOnlySpan<char> segment, string name, out EctError? error, bool allowEmpty = false)
    {
        if (segment.IsEmpty && !allowEmpty)
        {
            error = new EctError(EctErrorCode.Malformed, $"{name} segment is empty");
            return null;
        }

        var bytes = Base64Url.Decode(segment);
        error = bytes is null
            ? new EctError(EctErrorCode.Malformed, $"{name} segment is not unpadded, canonical base64url")
            : null;
        return bytes;
    }

    /// <summary>Reads a string member of a parsed header without allocating when it is absent.</summary>
    internal static bool TryGetString(JsonElement obj, ReadOnlySpan<byte> name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value))
        {
            return value.ValueKind == JsonValueKind.String;
        }

        value = default;
        return false;
    }
}
