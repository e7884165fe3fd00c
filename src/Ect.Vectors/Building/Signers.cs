using System.Security.Cryptography;
using System.Text;
using Ect.Keys;
using Ect.Parsing;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace Ect.Vectors.Building;

/// <summary>How a token's signing input is signed.</summary>
public abstract record Signer(string Label)
{
    public abstract byte[] Sign(string signingInput);

    /// <summary>ES256 with a deterministic nonce (RFC 6979), so regenerating a vector gives the same bytes.</summary>
    public static Signer Es256(JsonWebKey key) => new Es256Signer(key);

    /// <summary>HMAC-SHA256 with <paramref name="secret"/> (for HS256 key-confusion vectors).</summary>
    public static Signer Hs256(byte[] secret, string label) => new HmacSigner(secret, label);

    /// <summary>An empty signature segment (alg none).</summary>
    public static Signer None { get; } = new EmptySigner();

    private sealed record Es256Signer(JsonWebKey Key) : Signer("ES256 by " + Key.Kid)
    {
        private static readonly X9ECParameters Curve = ECNamedCurveTable.GetByName("P-256");

        public override byte[] Sign(string signingInput)
        {
            var domain = new ECDomainParameters(Curve);
            var d = new BigInteger(1, Base64Url.Decode(Key.D) ?? throw new InvalidOperationException($"key {Key.Kid} has no private part"));
            var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
            signer.Init(true, new ECPrivateKeyParameters(d, domain));
            var rs = signer.GenerateSignature(SHA256.HashData(Encoding.ASCII.GetBytes(signingInput)));
            var signature = new byte[64];
            rs[0].ToByteArrayUnsigned().CopyTo(signature.AsSpan(32 - rs[0].ToByteArrayUnsigned().Length));
            rs[1].ToByteArrayUnsigned().CopyTo(signature.AsSpan(64 - rs[1].ToByteArrayUnsigned().Length));
            return signature;
        }
    }

    private sealed record HmacSigner(byte[] Secret, string SecretLabel) : Signer("HS256 keyed with " + SecretLabel)
    {
        public override byte[] Sign(string signingInput) => HMACSHA256.HashData(Secret, Encoding.ASCII.GetBytes(signingInput));
    }

    private sealed record EmptySigner() : Signer("no signature")
    {
        public override byte[] Sign(string signingInput) => [];
    }
}

/// <summary>Facts about P-256 that signature mutations need.</summary>
public static class P256
{
    /// <summary>The group order n, big-endian.</summary>
    public static byte[] Order { get; } = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

    public static BigInteger N { get; } = new(1, Order);

    public static byte[] ToScalar(BigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        var scalar = new byte[32];
        bytes.CopyTo(scalar.AsSpan(32 - bytes.Length));
        return scalar;
    }
}
