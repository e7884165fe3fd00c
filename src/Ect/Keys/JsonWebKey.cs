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
        parameters.Validate();
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

    /// <summary>Reads a JWK object. Throws <see cref="FormatException"/> naming the problem.</summary>
    public static JsonWebKey FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a JWK must be a JSON object");
        }

        string? kty = null, kid = null, crv = null, x = null, y = null, d = null;
        var other = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.String)
            {
                continue; // e.g. key_ops arrays: not needed here
            }

            var value = member.Value.GetString()!;
            switch (member.Name)
            {
                case "kty": kty = value; break;
                case "kid": kid = value; break;
                case "crv": crv = value; break;
                case "x": x = value; break;
                case "y": y = value; break;
                case "d": d = value; break;
                default: other[member.Name] = value; break;
            }
        }

        if (kty is null)
        {
            throw new FormatException("a JWK needs kty");
        }

        return new JsonWebKey { Kty = kty, Kid = kid, Crv = crv, X = x, Y = y, D = d, Other = other };
    }

    public static JsonWebKey Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

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

        foreach (var (name, value) in Other.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            obj[name] = value;
        }

        return obj;
    }

    public string ToJson() => ToJsonObject().ToJsonString();
}
