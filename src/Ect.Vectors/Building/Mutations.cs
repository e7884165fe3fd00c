using System.Text;
using Ect.Parsing;
using Org.BouncyCastle.Math;

namespace Ect.Vectors.Building;

/// <summary>
/// Every deliberate breakage a vector applies to a token, by name. Encoding mutations change the
/// base64url text of a segment before signing, so the signature is right for what is sent and
/// only the encoding is at fault; token mutations change a signed token.
/// </summary>
public static class Mutations
{
    // ---- encodings (applied before signing) ----

    /// <summary>RFC 4648 padding appended to a segment; JWS forbids padding (PARSE-1).</summary>
    public static EncodingMutation Padded { get; } = new("padded", "'=' padding appended to the segment", text =>
        text.Length % 4 == 0 ? throw new InvalidOperationException("segment needs no padding") : text + new string('=', 4 - (text.Length % 4)));

    /// <summary>'+' and '/' of standard base64 in place of '-' and '_' (PARSE-1).</summary>
    public static EncodingMutation StandardAlphabet { get; } = new("standard-alphabet", "'-' and '_' written as '+' and '/'", text =>
        text.Contains('-') || text.Contains('_')
            ? text.Replace('-', '+').Replace('_', '/')
            : throw new InvalidOperationException("segment has no '-' or '_' to rewrite"));

    /// <summary>A space in the middle of the segment (PARSE-1: no whitespace).</summary>
    public static EncodingMutation InnerSpace { get; } = new("inner-space", "a space inserted in the middle of the segment", text =>
        text[..(text.Length / 2)] + " " + text[(text.Length / 2)..]);

    /// <summary>A line break in the middle of the segment, as PEM-style wrapping would add.</summary>
    public static EncodingMutation InnerNewline { get; } = new("inner-newline", "a line feed inserted in the middle of the segment", text =>
        text[..(text.Length / 2)] + "\n" + text[(text.Length / 2)..]);

    /// <summary>
    /// The last character of the segment with one of its unused low bits set: it decodes to the
    /// same bytes, but no encoder writes it (PARSE-1 makes this acceptable either way).
    /// </summary>
    public static EncodingMutation NonCanonical { get; } = new("non-canonical", "unused low bits of the last character set", text =>
    {
        var unused = (text.Length % 4) switch
        {
            2 => 0x0F,
            3 => 0x03,
            _ => throw new InvalidOperationException("segment length leaves no unused bits"),
        };
        var last = Base64Url.ValueOf(text[^1]);
        if ((last & unused) != 0)
        {
            throw new InvalidOperationException("segment is already non-canonical");
        }

        return text[..^1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last | 1];
    });

    // ---- structure (after signing) ----

    /// <summary>Only header and payload: the signature segment and its dot removed.</summary>
    public static TokenMutation TwoSegments { get; } = new("two-segments", "signature segment and its '.' removed", p => p.SigningInput);

    /// <summary>A fourth segment appended.</summary>
    public static TokenMutation FourSegments { get; } = new("four-segments", "a fourth segment '.AAAA' appended", p => p.Compact + ".AAAA");

    /// <summary>Five segments, the shape of a JWE compact serialization.</summary>
    public static TokenMutation FiveSegments { get; } = new("five-segments", "shaped like a JWE: header.key.iv.ciphertext.tag", p =>
        $"{p.Header}.{p.Payload}.AAAA.{Base64Url.Encode(p.Signature)}.AAAA");

    /// <summary>A trailing '.' after the signature.</summary>
    public static TokenMutation TrailingDot { get; } = new("trailing-dot", "a '.' appended", p => p.Compact + ".");

    /// <summary>The header segment emptied.</summary>
    public static TokenMutation EmptyHeader { get; } = new("empty-header", "header segment empty", p => $".{p.Payload}.{Base64Url.Encode(p.Signature)}");

    /// <summary>The payload segment emptied (an unencoded-content detached JWS looks like this).</summary>
    public static TokenMutation EmptyPayload { get; } = new("empty-payload", "payload segment empty", p => $"{p.Header}..{Base64Url.Encode(p.Signature)}");

    /// <summary>A line feed after the token, as a careless reader of a file or header leaves it.</summary>
    public static TokenMutation TrailingNewline { get; } = new("trailing-newline", "a line feed appended", p => p.Compact + "\n");

    /// <summary>A space before the token.</summary>
    public static TokenMutation LeadingSpace { get; } = new("leading-space", "a space prepended", p => " " + p.Compact);

    /// <summary>A character outside the base64url alphabet in the signature.</summary>
    public static TokenMutation ForeignCharacter { get; } = new("foreign-character", "a '*' replaces the first signature character", p =>
        p.SigningInput + ".*" + Base64Url.Encode(p.Signature)[1..]);

    /// <summary>A signature segment whose length no base64url text can have (4k+1 characters: 86 + 3 = 89).</summary>
    public static TokenMutation ImpossibleLength { get; } = new("impossible-length", "three characters appended to the 86-character signature (89 = 4k+1)", p => p.Compact + "AAA");

    /// <summary>A signature segment of one character: 4k+1 again, the one length that cannot even hold a byte.</summary>
    public static TokenMutation OneCharacterSignature { get; } = new("one-character-signature", "the signature segment replaced by the one character 'A'", p => p.SigningInput + ".A");

    // ---- signature values (SIG-1, SIG-2, SIG-3) ----

    /// <summary>The valid (r, s) re-encoded as an ASN.1 DER SEQUENCE of two INTEGERs, as some libraries emit (SIG-1).</summary>
    public static TokenMutation Der { get; } = new("der-signature", "the same r and s as an ASN.1 DER SEQUENCE", p => WithSignature(p, ToDer(p.Signature)));

    /// <summary>The last byte of the signature removed: 63 bytes.</summary>
    public static TokenMutation Truncated { get; } = new("truncated-signature", "last signature byte removed (63 bytes)", p => WithSignature(p, p.Signature[..^1]));

    /// <summary>A zero byte appended: 65 bytes.</summary>
    public static TokenMutation Extended { get; } = new("extended-signature", "a zero byte appended (65 bytes)", p => WithSignature(p, [.. p.Signature, 0]));

    /// <summary>r and s each left-padded to 33 bytes (66 bytes), as a sign-preserving integer encoder writes them.</summary>
    public static TokenMutation Padded33 { get; } = new("r-s-33-bytes", "r and s each given a leading zero byte (66 bytes)", p =>
        WithSignature(p, [0, .. p.Signature[..32], 0, .. p.Signature[32..]]));

    /// <summary>The signature twice over: 128 bytes.</summary>
    public static TokenMutation Doubled { get; } = new("doubled-signature", "the 64-byte signature repeated (128 bytes)", p => WithSignature(p, [.. p.Signature, .. p.Signature]));

    /// <summary>The signature segment emptied although alg is ES256.</summary>
    public static TokenMutation EmptySignature { get; } = new("empty-signature", "signature segment empty", p => p.SigningInput + ".");

    /// <summary>r = 0 and s = 0: the 2022 "psychic signature" (CVE-2022-21449) verified against any key and message.</summary>
    public static TokenMutation ZeroRs { get; } = new("r-s-zero", "r = 0, s = 0", p => WithSignature(p, new byte[64]));

    public static TokenMutation ZeroR { get; } = new("r-zero", "r = 0, s kept", p => WithSignature(p, [.. new byte[32], .. p.Signature[32..]]));

    public static TokenMutation ZeroS { get; } = new("s-zero", "r kept, s = 0", p => WithSignature(p, [.. p.Signature[..32], .. new byte[32]]));

    /// <summary>r = s = n, the group order: zero modulo n.</summary>
    public static TokenMutation OrderRs { get; } = new("r-s-order", "r = n, s = n (the P-256 group order)", p => WithSignature(p, [.. P256.Order, .. P256.Order]));

    public static TokenMutation OrderR { get; } = new("r-order", "r = n, s kept", p => WithSignature(p, [.. P256.Order, .. p.Signature[32..]]));

    public static TokenMutation OrderS { get; } = new("s-order", "r kept, s = n", p => WithSignature(p, [.. p.Signature[..32], .. P256.Order]));

    /// <summary>r = 2^256 - 1: above the order, a value a reducing implementation would wrap.</summary>
    public static TokenMutation MaxR { get; } = new("r-max", "r = 2^256 - 1, s kept", p => WithSignature(p, [.. Enumerable.Repeat((byte)0xFF, 32), .. p.Signature[32..]]));

    public static TokenMutation MaxS { get; } = new("s-max", "r kept, s = 2^256 - 1", p => WithSignature(p, [.. p.Signature[..32], .. Enumerable.Repeat((byte)0xFF, 32)]));

    /// <summary>s replaced by n - s: the other valid signature of the same message (ECDSA malleability).</summary>
    public static TokenMutation HighS { get; } = new("high-s", "s replaced by n - s (still a valid ECDSA signature)", p =>
    {
        var s = new BigInteger(1, p.Signature[32..]);
        return WithSignature(p, [.. p.Signature[..32], .. P256.ToScalar(P256.N.Subtract(s))]);
    });

    /// <summary>The lowest bit of the signature's last byte flipped.</summary>
    public static TokenMutation FlippedSignatureBit { get; } = new("flipped-signature-bit", "lowest bit of the last signature byte flipped", p =>
    {
        var signature = p.Signature.ToArray();
        signature[^1] ^= 0x01;
        return WithSignature(p, signature);
    });

    /// <summary>The lowest bit of the first byte of r flipped: the change sits in the half a verifier checking only s misses.</summary>
    public static TokenMutation FlippedRBit { get; } = new("flipped-r-bit", "lowest bit of the first signature byte (r) flipped", p =>
    {
        var signature = p.Signature.ToArray();
        signature[0] ^= 0x01;
        return WithSignature(p, signature);
    });

    /// <summary>A claim appended at the end of the payload JSON after signing: the signed bytes are a prefix of the new ones.</summary>
    public static TokenMutation PayloadClaimAppended { get; } = new("payload-claim-appended", "a claim \"x\":0 appended to the payload JSON after signing", p =>
    {
        var payload = System.Text.Encoding.UTF8.GetString(Base64Url.Decode(p.Payload)!);
        var edited = payload[..^1] + ",\"x\":0}";
        return $"{p.Header}.{Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(edited))}.{Base64Url.Encode(p.Signature)}";
    });

    /// <summary>exec_act changed from review_spec to delete_prod in the payload after signing; the JSON stays valid (SIG-3).</summary>
    public static TokenMutation PayloadEdited { get; } = new("payload-edited", "exec_act changed to delete_prod after signing", p =>
        EditPayload(p, json => json.Replace("\"review_spec\"", "\"delete_prod\"", StringComparison.Ordinal)));

    /// <summary>The payload re-serialized with a space after each ':' after signing: the same JSON value, other bytes (SIG-3).</summary>
    public static TokenMutation PayloadReformatted { get; } = new("payload-reformatted", "the same JSON re-serialized with spaces after signing", p =>
        EditPayload(p, json => json.Replace("\":", "\": ", StringComparison.Ordinal)));

    /// <summary>kid changed from agent-a to agent-b after signing (SIG-3 on the header).</summary>
    public static TokenMutation HeaderEdited { get; } = new("header-edited", "kid changed to agent-b after signing", p =>
    {
        var json = Encoding.UTF8.GetString(Base64Url.Decode(p.Header)!).Replace("\"agent-a\"", "\"agent-b\"", StringComparison.Ordinal);
        return (p with { Header = Base64Url.Encode(Encoding.UTF8.GetBytes(json)) }).Compact;
    });

    private static string EditPayload(Parts p, Func<string, string> edit)
    {
        var json = Encoding.UTF8.GetString(Base64Url.Decode(p.Payload)!);
        var edited = edit(json);
        if (edited == json)
        {
            throw new InvalidOperationException("payload edit changed nothing");
        }

        return (p with { Payload = Base64Url.Encode(Encoding.UTF8.GetBytes(edited)) }).Compact;
    }

    private static string WithSignature(Parts p, byte[] signature) => (p with { Signature = signature }).Compact;

    private static byte[] ToDer(byte[] signature)
    {
        static byte[] Integer(ReadOnlySpan<byte> scalar)
        {
            var start = scalar.IndexOfAnyExcept((byte)0);
            var trimmed = start < 0 ? [0] : scalar[start..].ToArray();
            byte[] value = (trimmed[0] & 0x80) != 0 ? [0, .. trimmed] : trimmed;
            return [0x02, (byte)value.Length, .. value];
        }

        byte[] body = [.. Integer(signature.AsSpan(0, 32)), .. Integer(signature.AsSpan(32))];
        return [0x30, (byte)body.Length, .. body];
    }
}
