using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Parsing;

namespace Ect.Keys;

/// <summary>
/// A JSON Web Key (RFC 7517) as the suite exchanges them: any <c>kty</c> can be carried (so that
/// a verifier can be handed an unusable key under a <c>kid</c>), and EC P-256 keys convert to and
/// from <see cref="ECDsa"/>.
/// </summary>
public sealed record JsonWebKey
{
    public required string Kty { get; init; }

    public string? Kid { get; init; }

    public string? Crv { get; init; }

    public string? X { get; init; }

    public string? Y { get; init; }

    /// <summary>The private scalar; null for a public key.</summary>
    public string? D { get; init; }

    /// <summary><c>use</c> (RFC 7517 §4.2): when present, a verification key must say <c>sig</c> (SIG-5).</summary>
    public string? Use { get; init; }

    /// <summary><c>key_ops</c> (RFC 7517 §4.3): when present, a verification key must list <c>verify</c> (SIG-5).</summary>
    public IReadOnlyList<string>? KeyOps { get; init; }

    /// <summary><c>alg</c> (RFC 7517 §4.4): when present, the only algorithm the key may be used with (SIG-5).</summary>
    public string? Alg { get; init; }

    /// <summary>
    /// Why the JWK cannot be used although it was read: <c>use</c>, <c>key_ops</c> or <c>alg</c> of
    /// the wrong JSON type. Kept rather than thrown, so that a key set still loads and the kid resolves
    /// to a clear refusal (<c>key_unknown</c>, SIG-5) like any other unusable key.
    /// </summary>
    public string? Defect { get; init; }

    /// <summary>
    /// <c>use</c>, <c>key_ops</c> or <c>alg</c> members of the wrong JSON type, as their JSON text: written
    /// back by <see cref="ToJsonObject"/> so that a key with a <see cref="Defect"/> never round-trips into a usable one.
    /// </summary>
    public IReadOnlyDictionary<string, string> Mistyped { get; init; } = new Dictionary<string, string>();

    /// <summary>Any other members, kept so that a key round-trips (e.g. <c>n</c>/<c>e</c> of an RSA key, <c>k</c> of a symmetric one).</summary>
    public IReadOnlyDictionary<string, string> Other { get; init; } = new Dictionary<string, string>();

    public bool IsP256 => Kty == "EC" && Crv == "P-256";

    /// <summary>Creates a fresh P-256 key pair.</summary>
    public static JsonWebKey GenerateP256(string kid)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return FromECParameters(ecdsa.ExportParameters(includePrivateParameters: true), kid);
    }

    public static JsonWebKey FromECParameters(ECParameters parameters, string? kid) => new()
    {
        Kty = "EC",
        Crv = "P-256",
        Kid = kid,
        X = Base64Url.Encode(parameters.Q.X),
        Y = Base64Url.Encode(parameters.Q.Y),
        D = parameters.D is null ? null : Base64Url.Encode(parameters.D),
    };

    /// <summary>The public half of this key.</summary>
    public JsonWebKey ToPublic() => this with { D = null };

    /// <summary>The EC parameters of a P-256 key; throws <see cref="FormatException"/> for any other key or bad coordinates.</summary>
    public ECParameters ToECParameters()
    {
        if (!IsP256)
        {
            throw new FormatException($"key {Kid} is {Kty}/{Crv ?? "-"}, not EC P-256");
        }

        var x = Coordinate(X, "x");
        var y = Coordinate(Y, "y");
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = x, Y = y },
            D = D is null ? null : Coordinate(D, "d"),
        };
        try
        {
            parameters.Validate();
        }
        catch (CryptographicException e)
        {
            throw new FormatException($"key {Kid} has inconsistent EC parameters: {e.Message}", e);
        }

        return parameters;
    }

    /// <summary>An <see cref="ECDsa"/> for this key (private when <see cref="D"/> is set). Throws <see cref="FormatException"/> when the point is not on the curve.</summary>
    public ECDsa ToECDsa()
    {
        var parameters = ToECParameters();
        try
        {
            return ECDsa.Create(parameters);
        }
        catch (CryptographicException e)
        {
            throw new FormatException($"key {Kid} is not a valid P-256 key: {e.Message}", e);
        }
    }

    private byte[] Coordinate(string? value, string name)
    {
        var bytes = value is null ? null : Base64Url.Decode(value);
        if (bytes is not { Length: 32 })
        {
            throw new FormatException($"key {Kid}: {name} must be 32 bytes of base64url");
        }

        return bytes;
    }

    /// <summary>
    /// Reads a JWK object. Throws <see cref="FormatException"/> naming the problem (not an object, no
    /// <c>kty</c>, a string that is not valid Unicode); <c>use</c>, <c>key_ops</c> or <c>alg</c> of the
    /// wrong type make a key with a <see cref="Defect"/>.
    /// </summary>
    public static JsonWebKey FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a JWK must be a JSON object");
        }

        string? kty = null, kid = null, crv = null, x = null, y = null, d = null, use = null, alg = null, defect = null;
        List<string>? keyOps = null;
        var other = new Dictionary<string, string>(StringComparer.Ordinal);
        var mistyped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var name = MemberName(member);
            switch (name)
            {
                case "key_ops" when !IsStringArray(member.Value):
                case "use" or "alg" when member.Value.ValueKind != JsonValueKind.String:
                    defect ??= name == "key_ops" ? "key_ops must be an array of strings" : $"{name} must be a string, not {member.Value.ValueKind.ToString().ToLowerInvariant()}";
                    mistyped[name] = RawText(member.Value, name);
                    continue;
                case "key_ops":
                    keyOps = member.Value.EnumerateArray().Select(e => StringValue(e, "key_ops")).ToList();
                    continue;
            }

            if (member.Value.ValueKind != JsonValueKind.String)
            {
                continue; // other structured members (x5c, oth) are not needed here
            }

            var value = StringValue(member.Value, name);
            switch (name)
            {
                case "kty": kty = value; break;
                case "kid": kid = value; break;
                case "crv": crv = value; break;
                case "x": x = value; break;
                case "y": y = value; break;
                case "d": d = value; break;
                case "use": use = value; break;
                case "alg": alg = value; break;
                default: other[name] = value; break;
            }
        }

        if (kty is null)
        {
            throw new FormatException("a JWK needs kty");
        }

        return new JsonWebKey { Kty = kty, Kid = kid, Crv = crv, X = x, Y = y, D = d, Use = use, KeyOps = keyOps, Alg = alg, Defect = defect, Mistyped = mistyped, Other = other };
    }

    /// <summary>Reads JWK text; throws <see cref="FormatException"/> for text that is not one JWK object (duplicate member names included).</summary>
    public static JsonWebKey Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, StrictJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"a JWK must be JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // The duplicate-name check unescapes names (a lone surrogate escape throws); a string that is not UTF-16 cannot be transcoded.
            throw new FormatException("a JWK must be JSON text that is valid Unicode", e);
        }

        using (document)
        {
            return FromJson(document.RootElement);
        }
    }

    private static bool IsStringArray(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String);

    /// <summary>A member's JSON text, refused like any other member when it holds a lone surrogate escape (it could not be written back).</summary>
    private static string RawText(JsonElement value, string name)
    {
        var raw = value.GetRawText();
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(raw, documentOptions: StrictJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException($"JWK member {Truncated(name)} cannot be kept: {e.Message}", e);
        }

        if (node is not null && Parsing.JsonNodeLimits.Check(node, name) is { } error)
        {
            throw new FormatException($"JWK member {Truncated(name)}: {error.Message}");
        }

        return raw;
    }

    private static string StringValue(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // A lone surrogate escape ("\ud800") is JSON syntax but no string.
            throw new FormatException($"JWK member {Truncated(name)} holds an escape that is not valid Unicode", e);
        }
    }

    private static string MemberName(JsonProperty member)
    {
        try
        {
            return member.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("a JWK has a member name with an escape that is not valid Unicode", e);
        }
    }

    private static string Truncated(string name) => name.Length <= 40 ? name : name[..40] + "...";

    /// <summary>The JWK as a JSON object with members in RFC 7517 order.</summary>
    public JsonObject ToJsonObject()
    {
        var obj = new JsonObject { ["kty"] = Kty };
        if (Kid is not null)
        {
            obj["kid"] = Kid;
        }

        if (Crv is not null)
        {
            obj["crv"] = Crv;
        }

        if (X is not null)
        {
            obj["x"] = X;
        }

        if (Y is not null)
        {
            obj["y"] = Y;
        }

        if (D is not null)
        {
            obj["d"] = D;
        }

        if (Use is not null)
        {
            obj["use"] = Use;
        }

        if (KeyOps is not null)
        {
            obj["key_ops"] = new JsonArray([.. KeyOps.Select(op => (JsonNode)op)]);
        }

        if (Alg is not null)
        {
            obj["alg"] = Alg;
        }

        foreach (var (name, raw) in Mistyped.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[name] = JsonNode.Parse(raw, documentOptions: StrictJson.DocumentOptions);
        }

        foreach (var (name, value) in Other.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[name] = value;
        }

        return obj;
    }

    public string ToJson() => ToJsonObject().ToJsonString();
}
