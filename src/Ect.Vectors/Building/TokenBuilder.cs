using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Parsing;

namespace Ect.Vectors.Building;

/// <summary>
/// Builds one signed token (limbo-style fluent API). Starts from a token every verifier in the
/// vocabulary's own mode accepts: header <c>{alg: ES256, typ, kid: agent-a}</c>, the payload of
/// <see cref="ClaimsBuilder{TSelf}"/>, signed by agent-a with a deterministic ES256 signature.
/// Header and payload are serialized as compact JSON, in insertion order, with the relaxed
/// encoder the engine uses; raw text or bytes replace them where a vector needs JSON that no
/// serializer writes (duplicate members, invalid UTF-8…).
/// </summary>
public sealed class TokenBuilder : ClaimsBuilder<TokenBuilder>
{
    private readonly JsonObject _header;
    private byte[]? _rawHeader;
    private byte[]? _rawPayload;
    private Signer _signer;
    private EncodingMutation? _headerEncoding;
    private EncodingMutation? _payloadEncoding;
    private TokenMutation? _mutation;
    private string? _rawNote;

    private TokenBuilder(Vocab vocab, KeyRing keys)
        : base(vocab)
    {
        _header = new JsonObject { ["alg"] = "ES256", ["typ"] = vocab.Typ(), ["kid"] = "agent-a" };
        _signer = Signer.Es256(keys.AgentA);
    }

    public static TokenBuilder For(Vocab vocab, KeyRing keys) => new(vocab, keys);

    public TokenBuilder Header(string name, JsonNode? value)
    {
        _header[name] = value?.DeepClone();
        return this;
    }

    public TokenBuilder NoHeader(string name)
    {
        _header.Remove(name);
        return this;
    }

    public TokenBuilder Typ(JsonNode? value) => Header("typ", value);

    public TokenBuilder Alg(JsonNode? value) => Header("alg", value);

    public TokenBuilder Kid(JsonNode? value) => Header("kid", value);

    /// <summary>The header is exactly this text (UTF-8).</summary>
    public TokenBuilder RawHeader(string json) => RawHeaderBytes(Encoding.UTF8.GetBytes(json));

    public TokenBuilder RawHeaderBytes(byte[] bytes)
    {
        _rawHeader = bytes;
        return this;
    }

    /// <summary>The payload is exactly this text (UTF-8), bypassing the claim builder.</summary>
    public TokenBuilder RawPayload(string json) => RawPayloadBytes(Encoding.UTF8.GetBytes(json));

    public TokenBuilder RawPayloadBytes(byte[] bytes)
    {
        _rawPayload = bytes;
        return this;
    }

    /// <summary>The header JSON the builder would write, as text (for raw variants built from it).</summary>
    public string HeaderJson() => Encoding.UTF8.GetString(TokenJson.Serialize(_header));

    /// <summary>The payload JSON the claim builder would write, as text (for raw variants built from it).</summary>
    public string PayloadJson() => Encoding.UTF8.GetString(TokenJson.Serialize(Claims));

    public TokenBuilder SignedBy(Signer signer)
    {
        _signer = signer;
        return this;
    }

    public TokenBuilder HeaderEncoding(EncodingMutation mutation)
    {
        _headerEncoding = mutation;
        return this;
    }

    public TokenBuilder PayloadEncoding(EncodingMutation mutation)
    {
        _payloadEncoding = mutation;
        return this;
    }

    public TokenBuilder Mutate(TokenMutation mutation)
    {
        _mutation = mutation;
        return this;
    }

    /// <summary>A note for the YAML comment when the raw bytes do not speak for themselves.</summary>
    public TokenBuilder Note(string note)
    {
        _rawNote = note;
        return this;
    }

    public Token Build()
    {
        var header = _rawHeader ?? TokenJson.Serialize(_header);
        var payload = _rawPayload ?? TokenJson.Serialize(Claims);
        var headerText = Base64Url.Encode(header);
        var payloadText = Base64Url.Encode(payload);
        if (_headerEncoding is not null)
        {
            headerText = _headerEncoding.Apply(headerText);
        }

        if (_payloadEncoding is not null)
        {
            payloadText = _payloadEncoding.Apply(payloadText);
        }

        var parts = new Parts(headerText, payloadText, []);
        parts = parts with { Signature = _signer.Sign(parts.SigningInput) };
        var text = _mutation is null ? parts.Compact : _mutation.Apply(parts);

        var notes = new List<string> { "header: " + Describe(header), "payload: " + Describe(payload) };
        if (_signer.Label != "ES256 by agent-a")
        {
            notes.Add("signed: " + _signer.Label);
        }

        foreach (var m in new[] { _headerEncoding, _payloadEncoding })
        {
            if (m is not null)
            {
                notes.Add($"encoding: {m.Name} ({m.Summary})");
            }
        }

        if (_mutation is not null)
        {
            notes.Add($"mutation: {_mutation.Name} ({_mutation.Summary})");
        }

        if (_rawNote is not null)
        {
            notes.Add("note: " + _rawNote);
        }

        var legacy = _rawHeader is null && _header["typ"] is JsonValue typ && typ.TryGetValue<string>(out var typText) && typText == "wimse-exec+jwt";
        return new Token(text, Vocab, TryObject(payload), notes, legacy);
    }

    private static JsonObject? TryObject(byte[] json)
    {
        try
        {
            using var document = StrictJson.TryParseObject(json, out _);
            if (document is null)
            {
                return null;
            }

            // Materialise every string now: a lone surrogate escape has no string value, so such a payload has no expected form.
            var payload = JsonSerializer.Deserialize<JsonObject>(document.RootElement.GetRawText());
            _ = payload?.ToJsonString();
            return payload;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Describe(byte[] json)
    {
        const int limit = 160;
        var text = Encoding.UTF8.GetString(json);
        return text.Length <= limit ? text : $"{text[..limit]}... ({json.Length} bytes)";
    }
}
