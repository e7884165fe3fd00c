using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;
using Ect.Parsing;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// A token as a generated case holds it before it is sent: a JSON object naming the signing key,
/// the header and payload (as JSON, or as exact text in <c>header_text</c>/<c>payload_text</c> for
/// what JSON objects cannot hold, such as duplicate members), and optionally one byte-level
/// <c>mutation</c> made after signing. Every mutation of the header or payload is made before
/// signing, so it gets past the signature; a <c>mutation</c> never does. Keeping tokens as recipes
/// lets the shrinker drop claims and shorten strings and sign again.
/// </summary>
internal static class TokenRecipe
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static JsonObject Create(JsonObject header, JsonObject payload, string key = FuzzKeys.AgentA) => new()
    {
        ["key"] = key,
        ["header"] = header,
        ["payload"] = payload,
    };

    /// <summary>True when <paramref name="node"/> is a recipe rather than a token string.</summary>
    public static bool IsRecipe(JsonNode? node) =>
        node is JsonObject o && o["key"] is JsonValue && (o.ContainsKey("header") || o.ContainsKey("header_text"));

    /// <summary>The compact token; throws <see cref="FormatException"/> for a recipe that cannot be rendered.</summary>
    public static string Render(JsonObject recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var key = Text(recipe, "key") ?? throw new FormatException("a token recipe names its key");
        if (!FuzzKeys.IsKnown(key))
        {
            throw new FormatException($"unknown key {key}");
        }

        var header = Text(recipe, "header_text") ?? Serialize(recipe["header"], "header");
        var payload = Text(recipe, "payload_text") ?? Serialize(recipe["payload"], "payload");
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = Text(recipe, "signature") ?? FuzzKeys.Sign(key, signingInput);
        var token = signingInput + "." + signature;
        return recipe["mutation"] is JsonObject mutation ? Mutate(token, mutation) : token;
    }

    public static string Encode(string text) => Base64Url.Encode(Encoding.UTF8.GetBytes(text));

    // As issuers write it: compact, '+' and non-ASCII text literal (JsonText.Serialize would escape them).
    private static readonly System.Text.Json.JsonSerializerOptions IssuerJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Serialize(JsonNode? node, string name) => node is JsonObject
        ? node.ToJsonString(IssuerJson)
        : throw new FormatException($"a token recipe needs {name} (an object) or {name}_text");

    private static string Mutate(string token, JsonObject mutation)
    {
        var op = Text(mutation, "op") ?? throw new FormatException("a mutation names its op");
        var at = mutation["at"] is JsonValue v && v.TryGetValue<int>(out var n) ? Math.Abs(n) : 0;
        var text = Text(mutation, "text") ?? "";
        var position = token.Length == 0 ? 0 : at % token.Length;
        var inSignature = token.Length > 0 && position > token.LastIndexOf('.');
        return op switch
        {
            "replace" => token.Length == 0 ? text : string.Concat(token.AsSpan(0, position), inSignature ? Another(token[position], text) : text, token.AsSpan(position + 1)),
            "delete" => token.Length == 0 ? token : token.Remove(position, 1),
            "insert" => token.Insert(position, text),
            "truncate" => inSignature ? WithUnusedBitsClear(token[..position]) : token[..position],
            "append" => token + text,
            "noncanonical" => NonCanonical(token, at % 3),
            _ => throw new FormatException($"unknown mutation {op}"),
        };
    }

    // A signature's characters differ from run to run (ECDSA is randomised), so a change inside the
    // signature is made so that what it does never turns on them, and a seed replays the same answers.
    // A delete or an insert leaves a signature of an impossible length or of 65 bytes, whatever its
    // characters; a replacement and a truncation are made so here.

    /// <summary>
    /// <paramref name="text"/>, unless it is the character already there (then nothing would change,
    /// one run in 64, or one in 4 at the last character): then that character with the bit of value 16
    /// flipped, which changes the signature and, in the last character, leaves its unused bits as
    /// they are.
    /// </summary>
    private static string Another(char current, string text) =>
        text.Length == 1 && text[0] == current && Alphabet.IndexOf(current, StringComparison.Ordinal) is >= 0 and var value
            ? Alphabet[value ^ 16].ToString()
            : text;

    /// <summary>
    /// A token cut inside its signature, its last character's unused bits cleared: where they were
    /// set it would be non-canonical base64url (a choice the profile leaves open) one run and a short
    /// signature another; it is always a short signature.
    /// </summary>
    private static string WithUnusedBitsClear(string token)
    {
        var signature = token.Length - token.LastIndexOf('.') - 1;
        var unused = (signature % 4) switch { 2 => 0b1111, 3 => 0b11, _ => 0 };
        if (unused == 0 || Alphabet.IndexOf(token[^1], StringComparison.Ordinal) is not (>= 0 and var value))
        {
            return token;
        }

        return string.Concat(token.AsSpan(0, token.Length - 1), Alphabet[value & ~unused].ToString());
    }

    /// <summary>Sets an unused bit in the last character of segment <paramref name="segment"/>, when it has unused bits.</summary>
    private static string NonCanonical(string token, int segment)
    {
        var parts = token.Split('.');
        if (segment >= parts.Length || parts[segment].Length % 4 is 0 or 1)
        {
            return token;
        }

        var last = Alphabet.IndexOf(parts[segment][^1], StringComparison.Ordinal);
        if (last < 0)
        {
            return token;
        }

        parts[segment] = parts[segment][..^1] + Alphabet[last | 1];
        return string.Join('.', parts);
    }

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
