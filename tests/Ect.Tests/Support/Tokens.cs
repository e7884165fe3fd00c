using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Fuzzing;
using Ect.Keys;
using Ect.Parsing;

namespace Ect.Tests.Support;

/// <summary>Hand-built tokens: any header and payload bytes, signed with any key, so tests can break exactly one thing.</summary>
public static class Tokens
{
    // The fuzzer's frozen clock and identities, which the generated payloads the properties verify are valid under.
    public const long Now = FuzzDefaults.Now;
    public const string Verifier = FuzzDefaults.VerifierId;
    public const string Issuer = FuzzDefaults.Issuer;
    public const string Wid = "a0b1c2d3-e4f5-4789-abcd-ef0123456789";

    private static int _counter;

    /// <summary>A fresh UUID-shaped jti, distinct for every call.</summary>
    public static string NewJti() => $"00000000-0000-4000-8000-{Interlocked.Increment(ref _counter):x12}";

    public static JsonObject Header(EctDraft draft, string kid = FuzzKeys.AgentA) => PayloadGenerator.Header(draft, kid);

    /// <summary>A payload every verifier in <paramref name="draft"/> accepts at <see cref="Now"/>.</summary>
    public static JsonObject Payload(EctDraft draft, string? jti = null, params string[] preds)
    {
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = new JsonArray(Verifier),
            ["iat"] = Now - 10,
            ["exp"] = Now + 590,
            ["jti"] = jti ?? NewJti(),
            ["exec_act"] = "review_spec",
            [draft.PredClaim()] = new JsonArray(preds.Select(p => (JsonNode)p).ToArray()),
        };
        return payload;
    }

    public static string Sign(JsonObject header, JsonObject payload, JsonWebKey? key = null) =>
        SignRaw(Json(header), Json(payload), key ?? TestKeys.AgentA);

    public static string Sign(EctDraft draft, JsonObject payload, JsonWebKey? key = null) =>
        Sign(Header(draft, (key ?? TestKeys.AgentA).Kid!), payload, key);

    /// <summary>Signs the exact header and payload text given.</summary>
    public static string SignRaw(string headerJson, string payloadJson, JsonWebKey key)
    {
        var signingInput = Encode(headerJson) + "." + Encode(payloadJson);
        using var ecdsa = key.ToECDsa();
        var signature = ecdsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return signingInput + "." + Base64Url.Encode(signature);
    }

    /// <summary>Compact JSON with '+' and non-ASCII text literal, as ECT issuers write it.</summary>
    public static string Json(JsonNode node) => Encoding.UTF8.GetString(TokenJson.Serialize(node));

    public static string Encode(string text) => Base64Url.Encode(Encoding.UTF8.GetBytes(text));

    /// <summary>Replaces the signature segment.</summary>
    public static string WithSignature(string token, byte[] signature) =>
        token[..(token.LastIndexOf('.') + 1)] + Base64Url.Encode(signature);

    public static byte[] SignatureOf(string token) => Base64Url.Decode(token.AsSpan(token.LastIndexOf('.') + 1))!;
}
