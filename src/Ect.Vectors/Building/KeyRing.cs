using System.Text.Json.Nodes;
using Ect.Keys;
using Ect.Parsing;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Math;

namespace Ect.Vectors.Building;

/// <summary>
/// The keys vectors are signed with (the fixed pairs in <c>vectors/keys</c>) and the unusable
/// keys some vectors put under a <c>kid</c> (SIG-4). Everything here is derived without randomness.
/// </summary>
public sealed class KeyRing
{
    /// <summary>A 2048-bit RSA modulus (public test material; the private half was never kept).</summary>
    private const string RsaModulus =
        "4RIMxtzetAgF_Pf6ff879tjyDYkxO_rHQ7t9Hqcv_k5VXnYtt39mdp-Nz7C1Pxteb6Zji6AvaQRRKlwo3dTg7g5VFTu1PngPPHjRbiPHjFx6sm4IiLdIcwlAwlQ7rF-HIurvUQO1mqiYC9J2PO9Z4XoRkx7V7PoqaVCwqPQMNTtbl7VMm5LuNzosVMaru1zmHRRF75XDU8sCLkicd3K-3tyRvGUCv3g-4fQW1QKKVTZwczl6wj8FWMHyqYcSsEzdWmClHzhu8yZJ_Gheb5AZAmIFoqePHnuYEhA3FsWe8FAd8PdCiJmJH-_fKzTiHD14-cWiXzaJxPPWB0oSPPafVQ";

    public KeyRing(string keysDirectory)
    {
        AgentA = Load(keysDirectory, "agent-a");
        AgentB = Load(keysDirectory, "agent-b");
        Attacker = Load(keysDirectory, "attacker");
    }

    public JsonWebKey AgentA { get; }

    public JsonWebKey AgentB { get; }

    /// <summary>A key the verifier never knows.</summary>
    public JsonWebKey Attacker { get; }

    /// <summary>The public JWK as vectors list it in <c>input.keys</c>.</summary>
    public static JsonObject Public(JsonWebKey key) => key.ToPublic().ToJsonObject();

    /// <summary>The private JWK, for create vectors.</summary>
    public static JsonObject Private(JsonWebKey key) => key.ToJsonObject();

    /// <summary>A P-384 public key (from a fixed private scalar) under <paramref name="kid"/>.</summary>
    public static JsonObject P384(string kid)
    {
        var curve = ECNamedCurveTable.GetByName("P-384");
        var digest = new Sha384Digest();
        var seed = "ect-vectors p-384 key"u8.ToArray();
        var d = new byte[digest.GetDigestSize()];
        digest.BlockUpdate(seed, 0, seed.Length);
        digest.DoFinal(d, 0);
        var q = curve.G.Multiply(new BigInteger(1, d).Mod(curve.N)).Normalize();
        return new JsonObject
        {
            ["kty"] = "EC",
            ["kid"] = kid,
            ["crv"] = "P-384",
            ["x"] = Base64Url.Encode(q.AffineXCoord.GetEncoded()),
            ["y"] = Base64Url.Encode(q.AffineYCoord.GetEncoded()),
        };
    }

    /// <summary>An RSA public key under <paramref name="kid"/>.</summary>
    public static JsonObject Rsa(string kid) => new()
    {
        ["kty"] = "RSA",
        ["kid"] = kid,
        ["n"] = RsaModulus,
        ["e"] = "AQAB",
    };

    /// <summary>A symmetric key under <paramref name="kid"/> (the HMAC key-confusion setting).</summary>
    public static JsonObject Oct(string kid) => new()
    {
        ["kty"] = "oct",
        ["kid"] = kid,
        ["k"] = Base64Url.Encode("ect-vectors shared secret 32 byte"u8),
    };

    /// <summary>agent-a's x with a y that is not on P-256 (y + 1).</summary>
    public JsonObject OffCurve(string kid)
    {
        var y = Base64Url.Decode(AgentA.Y)!;
        y[^1] ^= 0x01;
        return new JsonObject { ["kty"] = "EC", ["kid"] = kid, ["crv"] = "P-256", ["x"] = AgentA.X, ["y"] = Base64Url.Encode(y) };
    }

    private static JsonWebKey Load(string directory, string kid) =>
        JsonWebKey.Parse(File.ReadAllText(Path.Combine(directory, kid + ".jwk.json")));
}
