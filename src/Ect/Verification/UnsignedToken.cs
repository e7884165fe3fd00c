using System.Text.Json;
using Ect.Errors;
using Ect.Parsing;

namespace Ect.Verification;

/// <summary>A level-1 ECT (-01, feature <c>levels</c>): the base64url of a JSON payload, no JWS.</summary>
internal sealed class UnsignedToken(byte[] json, JsonDocument document) : IDisposable
{
    public byte[] Json { get; } = json;

    public JsonDocument Document { get; } = document;

    public static ReadResult<UnsignedToken> Read(string token)
    {
        var json = Base64Url.Decode(token);
        // Stryker disable once Logical,Block : a null or empty decode ends malformed either way
        if (json is null || json.Length == 0)
        {
            return new EctError(EctErrorCode.Malformed, "token is neither a compact JWS (3 segments) nor the base64url of a JSON object");
        }

        var document = StrictJson.TryParseObject(json, out var jsonError);
        // Stryker disable once Block : the token then holds no document, which the caller's first read or its disposal throws on, and the safety net answers malformed, the same code
        if (document is null)
        {
            return new EctError(EctErrorCode.Malformed, "single-segment token " + jsonError);
        }

        return new UnsignedToken(json, document);
    }

    public void Dispose() => Document.Dispose();
}
