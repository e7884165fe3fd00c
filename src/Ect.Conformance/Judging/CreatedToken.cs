using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ect.Conformance.Judging;

/// <summary>
/// A token an implementation created, opened with the framework's own primitives (base64url, JSON,
/// ECDSA) and not the engine's parser, so the judge does not trust the code it judges against.
/// </summary>
public sealed class CreatedToken
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 256 };

    // Far more keys than a corpus or a campaign creates with.
    private const int MaxKeys = 64;

    // An ECDsa is not safe to share between threads.
    [ThreadStatic]
    private static Dictionary<string, ECDsa>? t_verifyingKeys;

    private CreatedToken(JsonNode? header, JsonNode? payload)
    {
        Header = header;
        Payload = payload;
    }

    public JsonNode? Header { get; }

    public JsonNode? Payload { get; }

    /// <summary>
    /// Opens <paramref name="token"/>: three unpadded, canonical base64url segments, a JSON header and
    /// payload, and an ES256 signature (64 bytes, r ‖ s) that verifies with <paramref name="jwk"/>'s public point.
    /// </summary>
    /// <returns>Null when the token opens; otherwise <paramref name="problem"/> says why not.</returns>
    public static CreatedToken? TryOpen(string token, JsonObject jwk, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(jwk);
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            problem = $"created token has {parts.Length} segments, not 3";
            return null;
        }

        var names = new[] { "header", "payload", "signature" };
        var bytes = new byte[3][];
        for (var i = 0; i < 3; i++)
        {
            if (Decode(parts[i]) is not { } decoded)
            {
                problem = $"created token's {names[i]} segment is not unpadded, canonical base64url";
                return null;
            }

            bytes[i] = decoded;
        }

        if (PublicKey(jwk) is not { } point)
        {
            problem = "case's input.key is not a P-256 JWK with x and y";
            return null;
        }

        var key = VerifyingKey(point);
        var signingInput = Encoding.ASCII.GetBytes(string.Concat(parts[0], ".", parts[1]));
        if (bytes[2].Length != 64 || !key.VerifyData(signingInput, bytes[2], HashAlgorithmName.SHA256))
        {
            problem = "created token's signature does not verify with the public part of input.key";
            return null;
        }

        try
        {
            var header = JsonNode.Parse(bytes[0], documentOptions: StrictJson);
            var payload = JsonNode.Parse(bytes[1], documentOptions: StrictJson);
            problem = null;
            return new CreatedToken(header, payload);
        }
        catch (JsonException e)
        {
            problem = $"created token's header or payload is not JSON: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// The key for <paramref name="point"/>, imported once per thread: importing checks the point
    /// and costs more than the verification, and every create case of a corpus or a fuzz campaign
    /// signs with the same few keys. An import that throws is not kept.
    /// </summary>
    private static ECDsa VerifyingKey(ECParameters point)
    {
        var keys = t_verifyingKeys ??= new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        var name = Convert.ToHexString(point.Q.X!) + Convert.ToHexString(point.Q.Y!);
        if (keys.TryGetValue(name, out var known))
        {
            return known;
        }

        var key = ECDsa.Create(point);
        if (keys.Count >= MaxKeys)
        {
            foreach (var dropped in keys.Values)
            {
                dropped.Dispose();
            }

            keys.Clear();
        }

        keys[name] = key;
        return key;
    }

    private static byte[]? Decode(string segment)
    {
        if (segment.Length == 0 || !segment.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
        {
            return null;
        }

        try
        {
            var decoded = Base64Url.DecodeFromChars(segment);
            // Canonical: no other spelling of these bytes (no stray trailing bits).
            return Base64Url.EncodeToString(decoded) == segment ? decoded : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ECParameters? PublicKey(JsonObject jwk)
    {
        if (jwk["kty"]?.ToString() != "EC" || jwk["crv"]?.ToString() != "P-256"
            || Coordinate(jwk["x"]) is not { } x || Coordinate(jwk["y"]) is not { } y)
        {
            return null;
        }

        return new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } };
    }

    private static byte[]? Coordinate(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) && Decode(text) is { Length: 32 } bytes ? bytes : null;
}
