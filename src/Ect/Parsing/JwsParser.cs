using System.Buffers;
using System.Text;
using Ect.Choices;
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
        return parsed?.ToCompactJws();
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

        var headerChars = token.AsSpan(0, first);
        var payloadChars = token.AsSpan(first + 1, second - first - 1);
        var signatureChars = token.AsSpan(second + 1);
        int headerLength = Base64Url.DecodedLength(headerChars.Length), signatureLength = Base64Url.DecodedLength(signatureChars.Length);
        if (headerChars.IsEmpty || headerLength < 0)
        {
            error = SegmentError("header", headerChars.IsEmpty);
            return null;
        }

        var payload = DecodeSegment(payloadChars, "payload", out error);
        if (payload is null)
        {
            return null;
        }

        // The signature may be empty so that alg "none" tokens reach the alg check (PARSE-1).
        if (signatureLength < 0)
        {
            error = SegmentError("signature", empty: false);
            return null;
        }

        // Header and signature are only needed while verifying, so they share one pooled buffer.
        var rented = ArrayPool<byte>.Shared.Rent(headerLength + signatureLength);
        if (!Base64Url.TryDecode(headerChars, rented, out _) || !Base64Url.TryDecode(signatureChars, rented.AsSpan(headerLength), out _))
        {
            var which = Base64Url.TryDecode(headerChars, rented, out _) ? "signature" : "header";
            ArrayPool<byte>.Shared.Return(rented);
            TouchIfNonCanonical(which == "header" ? headerChars : signatureChars);
            error = SegmentError(which, empty: false);
            return null;
        }

        var headerDocument = StrictJson.TryParseObject(rented.AsMemory(0, headerLength), out var headerError);
        if (headerDocument is null)
        {
            ArrayPool<byte>.Shared.Return(rented);
            error = new EctError(EctErrorCode.Malformed, "header " + headerError);
            return null;
        }

        var payloadDocument = StrictJson.TryParseObject(payload, out var payloadError);
        if (payloadDocument is null)
        {
            headerDocument.Dispose();
            ArrayPool<byte>.Shared.Return(rented);
            error = new EctError(EctErrorCode.Malformed, "payload " + payloadError);
            return null;
        }

        error = null;
        return new ParsedToken(token, second, rented, headerLength, signatureLength, payload, headerDocument, payloadDocument);
    }

    private static EctError SegmentError(string name, bool empty) => new(EctErrorCode.Malformed,
        empty ? $"{name} segment is empty" : $"{name} segment is not unpadded, canonical base64url");

    private static byte[]? DecodeSegment(ReadOnlySpan<char> segment, string name, out EctError? error)
    {
        var bytes = segment.IsEmpty ? null : Base64Url.Decode(segment);
        error = bytes is null ? SegmentError(name, segment.IsEmpty) : null;
        if (bytes is null)
        {
            TouchIfNonCanonical(segment);
        }

        return bytes;
    }

    /// <summary>Refusing a non-canonical segment is this engine's choice (PARSE-1), which a differential oracle must know.</summary>
    private static void TouchIfNonCanonical(ReadOnlySpan<char> segment)
    {
        if (Base64Url.IsNonCanonical(segment))
        {
            ProfileChoiceLog.Touch(ProfileChoice.NonCanonicalBase64);
        }
    }
}
