using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ect.Parsing;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>HASH-1: inp_hash and out_hash formats per mode.</summary>
public sealed class HashVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "hash";

    private static readonly string Sha256 = Base64Url.Encode(SHA256.HashData("task input"u8));
    private static readonly string Sha384 = Base64Url.Encode(SHA384.HashData("task input"u8));
    private static readonly string Sha512 = Base64Url.Encode(SHA512.HashData("task input"u8));
    private static readonly ExpectedResult Invalid = ExpectedResult.Invalid("hash_invalid");

    protected override void Define()
    {
        Native("plain::sha256-inp", "inp_hash the 43-character base64url SHA-256 digest is accepted.", R("HASH-1"), t => t.Set("inp_hash", Sha256), ExpectedResult.Valid);
        Native("plain::sha256-both", "inp_hash and out_hash both plain SHA-256 digests are accepted.", R("HASH-1"),
            t => t.Set("inp_hash", Sha256).Set("out_hash", Base64Url.Encode(SHA256.HashData("task output"u8))), ExpectedResult.Valid);
        Native("plain::padded", "A SHA-256 digest with '=' padding (44 characters) is hash_invalid.", R("HASH-1"), t => t.Set("inp_hash", Sha256 + "="), Invalid, flags: ["HashFormat"]);
        Native("plain::standard-alphabet", "A digest in standard base64 ('+' or '/') is hash_invalid.", R("HASH-1"),
            t => t.Set("out_hash", StandardDigest()), Invalid, flags: ["HashFormat"]);
        Native("plain::42-characters", "A 42-character digest is hash_invalid.", R("HASH-1"), t => t.Set("inp_hash", Sha256[..42]), Invalid, flags: ["HashFormat"]);
        Native("plain::44-characters", "A 44-character digest is hash_invalid.", R("HASH-1"), t => t.Set("inp_hash", Sha256 + "A"), Invalid, flags: ["HashFormat"]);
        Native("plain::non-canonical-last-character", "A 43-character digest whose last character has its low bits set decodes to no canonical 32 bytes: hash_invalid.", R("HASH-1"),
            t => t.Set("inp_hash", NonCanonical(Sha256)), Invalid, flags: ["HashFormat", "NonCanonicalBase64"]);
        Native("plain::hex", "A SHA-256 digest in hex (64 characters) is hash_invalid.", R("HASH-1"),
            t => t.Set("inp_hash", Convert.ToHexStringLower(SHA256.HashData("task input"u8))), Invalid, flags: ["HashFormat"]);
        Native("plain::sha384-unprefixed", "An unprefixed 64-character SHA-384 digest is hash_invalid.", R("HASH-1"), t => t.Set("out_hash", Sha384), Invalid, flags: ["HashFormat"]);
        Native("plain::empty", "An empty hash is hash_invalid, or claim_invalid as an empty value.", R("HASH-1"), t => t.Set("inp_hash", ""), ExpectedResult.Invalid("hash_invalid", "claim_invalid"), flags: ["HashFormat"]);
        Native("type::number", "An inp_hash that is a number is claim_invalid or hash_invalid.", R("HASH-1"), t => t.Set("inp_hash", 256), ExpectedResult.Invalid("claim_invalid", "hash_invalid"));
        Native("type::array", "An out_hash that is an array is claim_invalid or hash_invalid.", R("HASH-1"), t => t.Set("out_hash", new JsonArray(Sha256)), ExpectedResult.Invalid("claim_invalid", "hash_invalid"));
        Native("type::null", "An inp_hash that is null is present and not a string, or read as absent: either verdict.", R("HASH-1"),
            t => t.Set("inp_hash", null), ExpectedResult.Acceptable("claim_invalid", "hash_invalid"), flags: ["NullOptionalClaim"]);

        Native("prefixed::sha-256", "A sha-256: prefixed digest is accepted in mode 00 and hash_invalid in mode 01.", R("HASH-1"),
            t => t.Set("inp_hash", "sha-256:" + Sha256), Invalid, ExpectedResult.Valid, flags: ["HashFormat"]);
        Native("prefixed::sha-384", "A sha-384: prefixed 64-character digest is accepted in mode 00 and hash_invalid in mode 01.", R("HASH-1"),
            t => t.Set("inp_hash", "sha-384:" + Sha384), Invalid, ExpectedResult.Valid, flags: ["HashFormat"]);
        Native("prefixed::sha-512", "A sha-512: prefixed 86-character digest is accepted in mode 00 and hash_invalid in mode 01.", R("HASH-1"),
            t => t.Set("out_hash", "sha-512:" + Sha512), Invalid, ExpectedResult.Valid, flags: ["HashFormat"]);
        Native("prefixed::sha-384-wrong-length", "sha-384: followed by a SHA-256-length digest is hash_invalid.", R("HASH-1"),
            t => t.Set("inp_hash", "sha-384:" + Sha256), Invalid, flags: ["HashFormat"]);
        Native("prefixed::upper-case", "SHA-256: in upper case is not the -00 prefix: hash_invalid.", R("HASH-1"),
            t => t.Set("inp_hash", "SHA-256:" + Sha256), Invalid, flags: ["HashFormat"]);
        Native("prefixed::md5", "An md5: prefix (over a 16-byte digest) is no accepted algorithm: hash_invalid.", R("HASH-1"),
            t => t.Set("inp_hash", "md5:" + Base64Url.Encode(Convert.FromHexString("5d41402abc4b2a76b9719d911017c592"))), Invalid, flags: ["HashFormat"]);
        Native("prefixed::padded", "A sha-256: prefixed digest with padding is hash_invalid.", R("HASH-1"),
            t => t.Set("inp_hash", "sha-256:" + Sha256 + "="), Invalid, flags: ["HashFormat"]);
    }

    /// <summary>A SHA-256 digest whose base64url form holds '-' or '_', written in the standard alphabet.</summary>
    private static string StandardDigest()
    {
        for (var i = 0; ; i++)
        {
            var digest = Base64Url.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("task output " + i)));
            if (digest.Contains('-') || digest.Contains('_'))
            {
                return digest.Replace('-', '+').Replace('_', '/');
            }
        }
    }

    private static string NonCanonical(string digest)
    {
        var last = Base64Url.ValueOf(digest[^1]);
        return digest[..^1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last | 1];
    }
}
