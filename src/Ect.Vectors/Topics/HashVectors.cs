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
        Native("plain::last-two-bytes-zero", "A SHA-256 digest whose last two bytes are zero ends in 'AAA', every bit of its last group zero, and is accepted. Catches a decoder that takes a final group of value zero for a bad one.", R("HASH-1"),
            t => t.Set("inp_hash", ZeroTailedDigest()), ExpectedResult.Valid);
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

        JsonTypes();
        NearMisses();
        EveryElement();
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

    /// <summary>The SHA-256 digest of the first "task input N" whose last two bytes are zero: its base64url ends in 'AAA'.</summary>
    private static string ZeroTailedDigest()
    {
        for (var i = 0; ; i++)
        {
            var digest = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("task input " + i));
            if (digest[^1] == 0 && digest[^2] == 0)
            {
                return Base64Url.Encode(digest);
            }
        }
    }

    private static string NonCanonical(string digest)
    {
        var last = Base64Url.ValueOf(digest[^1]);
        return digest[..^1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last | 1];
    }

    /// <summary>The JSON types of inp_hash and out_hash the type group leaves out.</summary>
    private void JsonTypes()
    {
        var typeBad = ExpectedResult.Invalid("claim_invalid", "hash_invalid");
        Native("json-type::inp-boolean", "An inp_hash that is true is claim_invalid or hash_invalid. Catches a hash check run only on strings, letting other types through.", R("HASH-1"), t => t.Set("inp_hash", true), typeBad);
        Native("json-type::out-number", "An out_hash that is a number is claim_invalid or hash_invalid. Catches out_hash left unchecked while inp_hash is.", R("HASH-1"), t => t.Set("out_hash", 256), typeBad);
        Native("json-type::out-object", "An out_hash that is an object holding the digest is claim_invalid or hash_invalid. Catches a hash check run only on strings.", R("HASH-1"),
            t => t.Set("out_hash", new JsonObject { ["sha-256"] = Sha256 }), typeBad);
        Native("json-type::inp-one-element-array", "An inp_hash that is a one-element array holding a good digest is claim_invalid or hash_invalid. Catches a one-element array unwrapped.", R("HASH-1"),
            t => t.Set("inp_hash", new JsonArray(Sha256)), typeBad);
        Native("json-type::out-null", "An out_hash that is null is present and not a string, or read as absent: either verdict. Catches a crash or the text null read as a digest.", R("HASH-1"),
            t => t.Set("out_hash", null), ExpectedResult.Acceptable("claim_invalid", "hash_invalid"), flags: ["NullOptionalClaim"]);
    }

    /// <summary>The -00 prefixes one character off, and digests one character off: both are compared exactly.</summary>
    private void NearMisses()
    {
        foreach (var (kind, prefix) in new (string, string)[]
        {
            ("no-dash", "sha256:"), ("no-colon", "sha-256"), ("leading-space", " sha-256:"), ("space-after-colon", "sha-256: "), ("title-case", "Sha-256:"),
            ("double-colon", "sha-256::"), ("sha3", "sha3-256:"), ("equals", "sha-256="),
        })
        {
            Native($"near-miss::prefix-{kind}", $"inp_hash with prefix \"{prefix}\" (not sha-256:) before a SHA-256 digest is hash_invalid in both modes. Catches a prefix matched loosely (case, trimming, contains) or stripped up to any colon.",
                R("HASH-1"), t => t.Set("inp_hash", prefix + Sha256), Invalid, flags: ["HashFormat"]);
        }

        Native("near-miss::sha-512-prefix-sha-384-digest", "sha-512: followed by a SHA-384-length digest is hash_invalid in both modes. Catches a length check that accepts any known digest length after any prefix.", R("HASH-1"),
            t => t.Set("out_hash", "sha-512:" + Sha384), Invalid, flags: ["HashFormat"]);
        Native("near-miss::sha-256-prefix-sha-512-digest", "sha-256: followed by a SHA-512-length digest is hash_invalid in both modes. Catches a length check that accepts any known digest length after any prefix.", R("HASH-1"),
            t => t.Set("out_hash", "sha-256:" + Sha512), Invalid, flags: ["HashFormat"]);
        Native("near-miss::digest-trailing-space", "A 43-character digest followed by a space is hash_invalid. Catches trimming before the format check.", R("HASH-1"),
            t => t.Set("inp_hash", Sha256 + " "), Invalid, flags: ["HashFormat"]);
        Native("near-miss::digest-dot", "A 43-character digest with one character replaced by '.' (outside the alphabet) is hash_invalid. Catches a length-only check.", R("HASH-1"),
            t => t.Set("inp_hash", Sha256[..20] + "." + Sha256[21..]), Invalid, flags: ["HashFormat"]);
        Native("near-miss::prefixed-non-canonical", "sha-256: followed by a digest whose last character has its low bits set is hash_invalid in mode 00 and in mode 01. Catches the canonical check made only for unprefixed digests.", R("HASH-1"),
            t => t.Set("inp_hash", "sha-256:" + NonCanonical(Sha256)), Invalid, flags: ["HashFormat", "NonCanonicalBase64"]);

        // The last group of a digest is decoded apart from the full ones: 86 characters (SHA-512) end in a group of two, 43 (SHA-256) in a group of three.
        Native("near-miss::sha-512-non-canonical", "sha-512: followed by an 86-character digest whose last character has its low four bits set is hash_invalid in mode 00 (and in mode 01, which has no prefix): it is the base64url of no 64-byte digest, as for sha-256:. Catches the canonical check skipped for a final group of two characters, which only SHA-512 digests have.", R("HASH-1"),
            t => t.Set("out_hash", "sha-512:" + NonCanonical(Sha512)), Invalid, flags: ["HashFormat", "NonCanonicalBase64"]);
        Native("near-miss::sha-512-bad-85th-character", "sha-512: followed by a digest whose 85th character is '+' (outside the base64url alphabet) and whose 86th is right is hash_invalid. Catches the alphabet check of a final group of two characters made on the last one only.", R("HASH-1"),
            t => t.Set("out_hash", "sha-512:" + Sha512[..84] + "+" + Sha512[85..]), Invalid, flags: ["HashFormat"]);
        Native("near-miss::bad-41st-character", "A 43-character digest whose 41st character is '+' (outside the base64url alphabet) and whose last two are right is hash_invalid. Catches the alphabet check of the final group of three characters made on some of them only.", R("HASH-1"),
            t => t.Set("inp_hash", Sha256[..40] + "+" + Sha256[41..]), Invalid, flags: ["HashFormat"]);
        Native("near-miss::u0080-character", "A 43-character digest with one character U+0080, the first past ASCII, is hash_invalid. Catches an alphabet table of 128 entries indexed with an off-by-one bound (a crash, not a refusal).", R("HASH-1"),
            t => t.Set("inp_hash", Sha256[..20] + "\u0080" + Sha256[21..]), Invalid, flags: ["HashFormat"]);
    }

    /// <summary>Both hash claims are checked, each on its own: a good one does not vouch for the other.</summary>
    private void EveryElement()
    {
        Native("each-element::good-inp-bad-out", "A good inp_hash beside a 42-character out_hash is hash_invalid. Catches a verifier that checks only inp_hash.", R("HASH-1"),
            t => t.Set("inp_hash", Sha256).Set("out_hash", Sha256[..42]), Invalid, flags: ["HashFormat"]);
        Native("each-element::bad-inp-good-out", "A padded inp_hash beside a good out_hash is hash_invalid. Catches a verifier that checks only out_hash.", R("HASH-1"),
            t => t.Set("inp_hash", Sha256 + "=").Set("out_hash", Sha256), Invalid, flags: ["HashFormat"]);
        Native("each-element::out-hash-alone", "out_hash alone, a good digest, is accepted. Catches out_hash required to come with inp_hash.", R("HASH-1"),
            t => t.Set("out_hash", Sha256), ExpectedResult.Valid);
    }
}
