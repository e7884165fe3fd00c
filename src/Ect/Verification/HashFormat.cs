using Ect.Parsing;

namespace Ect.Verification;

/// <summary>
/// <c>inp_hash</c>/<c>out_hash</c> formats (HASH-1). Mode 01: the unpadded base64url of a
/// SHA-256 digest, 43 characters. Mode 00 also: <c>sha-256:</c>, <c>sha-384:</c> or
/// <c>sha-512:</c> followed by the unpadded base64url digest of that length.
/// </summary>
internal static class HashFormat
{
    public const string Sha256Prefix = "sha-256:";
    public const string Sha384Prefix = "sha-384:";
    public const string Sha512Prefix = "sha-512:";

    public static bool IsValid(ReadOnlySpan<char> value, EctDraft draft)
    {
        if (IsDigest(value, 32))
        {
            return true;
        }

        if (draft != EctDraft.Draft00)
        {
            return false;
        }

        return (value.StartsWith(Sha256Prefix, StringComparison.Ordinal) && IsDigest(value[Sha256Prefix.Length..], 32))
            || (value.StartsWith(Sha384Prefix, StringComparison.Ordinal) && IsDigest(value[Sha384Prefix.Length..], 48))
            || (value.StartsWith(Sha512Prefix, StringComparison.Ordinal) && IsDigest(value[Sha512Prefix.Length..], 64));
    }

    /// <summary>True when <paramref name="value"/> is the canonical unpadded base64url of exactly <paramref name="bytes"/> bytes.</summary>
    public static bool IsDigest(ReadOnlySpan<char> value, int bytes)
    {
        if (Base64Url.DecodedLength(value.Length) != bytes)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[64];
        return Base64Url.TryDecode(value, buffer, out _);
    }
}
