using System.Text;
using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;
using Ect.Parsing;
using Ect.Transport;

namespace Ect.Fuzz.Targets;

/// <summary>
/// Compact JWS parsing (PARSE-1 … PARSE-4). The input is the token text (UTF-8). Asserts: a
/// result or an error, never both; only <c>malformed</c> or <c>token_too_large</c>, the latter
/// exactly when the UTF-8 size is over the bound; an accepted token has the compact shape the
/// HTTP field parser checks, is canonical (re-encoding its parts gives the same text), survives
/// parse → re-serialise → parse with the same JSON, and jose-jwt reads the same header and payload.
/// </summary>
public sealed class ParseTarget : IFuzzTarget
{
    private const int MaxTokenBytes = 65_536;

    public string Name => "parse";

    public string Description => "JwsParser.Parse on token text; canonical round trip, size bound, HTTP-shape agreement, jose-jwt reads the same header";

    public IReadOnlyList<string> InstrumentedAssemblies { get; } = ["Ect.dll"];

    public IReadOnlyList<string> Dictionaries { get; } = ["ect.dict", "json.dict"];

    public void Run(ReadOnlySpan<byte> input)
    {
        var token = Encoding.UTF8.GetString(input);
        var size = Encoding.UTF8.GetByteCount(token);
        foreach (var limit in (ReadOnlySpan<int>)[0, size - 1, size, size * 3])
        {
            Check.That(limit < 0 || JwsParser.IsTooLarge(token, limit) == size > limit, () => $"IsTooLarge({size} bytes, {limit}) is wrong");
        }

        var parsed = JwsParser.Parse(token, MaxTokenBytes);
        if (!parsed.Succeeded)
        {
            var error = parsed.Error;
            Check.That(error is { Code: EctErrorCode.Malformed or EctErrorCode.TokenTooLarge, Message.Length: > 0 }, () => $"rejected with {error}");
            Check.That(error.Code == EctErrorCode.TokenTooLarge == size > MaxTokenBytes, () => $"{error.CodeName} for a token of {size} bytes");
            return;
        }

        var jws = parsed.Value;
        Check.That(size <= MaxTokenBytes, () => $"accepted over the size bound ({size} bytes)");
        Check.That(ExecutionContextHeader.IsCompactJwsShape(token), "the parser accepts a token the HTTP field parser calls malformed");
        var reencoded = $"{Base64Url.Encode(jws.Header)}.{Base64Url.Encode(jws.Payload)}.{Base64Url.Encode(jws.Signature)}";
        Check.That(string.Equals(reencoded, token, StringComparison.Ordinal), () => $"accepted a non-canonical encoding: {Check.Show(token)} re-encodes as {Check.Show(reencoded)}");
        Check.That(jws.SigningInput.SequenceEqual(token.AsSpan(0, token.LastIndexOf('.'))), "SigningInput is not the text before the last dot");

        using var header = StrictJson.TryParseObject(jws.Header, out var headerError)
            ?? throw new OracleViolationException($"accepted header does not parse again: {headerError}");
        using var payload = StrictJson.TryParseObject(jws.Payload, out var payloadError)
            ?? throw new OracleViolationException($"accepted payload does not parse again: {payloadError}");
        JoseOracle.CheckSameToken(token, header.RootElement, jws.Payload);
        if (!JsonUnicode.HasLoneSurrogate(header.RootElement) && !JsonUnicode.HasLoneSurrogate(payload.RootElement))
        {
            CheckReserialised(jws, header.RootElement, payload.RootElement);
        }
    }

    /// <summary>parse → re-serialise (as the engine writes JSON) → parse gives the same JSON values. Lone surrogate escapes cannot be written, so they are left aside.</summary>
    private static void CheckReserialised(CompactJws jws, System.Text.Json.JsonElement header, System.Text.Json.JsonElement payload)
    {
        var headerNode = JsonNode.Parse(header.GetRawText(), documentOptions: StrictJson.DocumentOptions)!;
        var payloadNode = JsonNode.Parse(payload.GetRawText(), documentOptions: StrictJson.DocumentOptions)!;
        var again = $"{Base64Url.Encode(TokenJson.Serialize(headerNode))}.{Base64Url.Encode(TokenJson.Serialize(payloadNode))}.{Base64Url.Encode(jws.Signature)}";
        var parsedAgain = JwsParser.Parse(again, int.MaxValue);
        var reparsed = parsedAgain.Succeeded ? parsedAgain.Value : throw new OracleViolationException($"re-serialised token does not parse: {parsedAgain.Error}");
        var headerAgain = JsonNode.Parse(reparsed.Header, documentOptions: StrictJson.DocumentOptions);
        var payloadAgain = JsonNode.Parse(reparsed.Payload, documentOptions: StrictJson.DocumentOptions);
        Check.That(Ect.Conformance.Judging.JsonEquality.DeepEquals(headerNode, headerAgain) && Ect.Conformance.Judging.JsonEquality.DeepEquals(payloadNode, payloadAgain), "re-serialised JSON reads differently");
    }

    public IEnumerable<Seed> Seeds(SeedSource source) => TokenSeeds.For(source);
}
