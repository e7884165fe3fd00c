namespace Ect.Parsing;

/// <summary>
/// Strict base64url (RFC 4648 §5) without padding or whitespace, as JWS compact serialization
/// requires. The framework decoders accept padding and whitespace, which PARSE-1 forbids, so
/// decoding is done here in one pass that also rejects non-canonical trailing bits.
/// </summary>
internal static class Base64Url
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly sbyte[] Values = BuildValues();

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }

    /// <summary>The value (0–63) of a base64url character, or -1.</summary>
    public static int ValueOf(char c) => c < 128 ? Values[c] : -1;

    /// <summary>Decoded length of <paramref name="encodedLength"/> characters, or -1 when no string has that length (length % 4 == 1).</summary>
    public static int DecodedLength(int encodedLength)
    {
        var rem = encodedLength % 4;
        if (rem == 1)
        {
            return -1;
        }

        return (encodedLength / 4 * 3) + (rem == 0 ? 0 : rem - 1);
    }

    /// <summary>
    /// Decodes <paramref name="source"/> into <paramref name="destination"/> (which must hold
    /// <see cref="DecodedLength"/> bytes). False for any character outside the alphabet, an
    /// impossible length, or non-zero unused bits in the last character.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> source, Span<byte> destination, out int written)
    {
        written = 0;
        var length = DecodedLength(source.Length);
        // Stryker disable once Logical,Block : unreachable: every caller sizes the destination with DecodedLength of a possible length, so the refusal never runs
        if (length < 0 || destination.Length < length)
        {
            // Stryker disable once Boolean : unreachable: as the condition above
            return false;
        }

        var full = source.Length / 4 * 4;
        int i;
        for (i = 0; i < full; i += 4)
        {
            int a = ValueOf(source[i]), b = ValueOf(source[i + 1]), c = ValueOf(source[i + 2]), d = ValueOf(source[i + 3]);
            if ((a | b | c | d) < 0)
            {
                return false;
            }

            var v = (a << 18) | (b << 12) | (c << 6) | d;
            destination[written++] = (byte)(v >> 16);
            destination[written++] = (byte)(v >> 8);
            destination[written++] = (byte)v;
        }

        var rem = source.Length - full;
        if (rem == 2)
        {
            int a = ValueOf(source[i]), b = ValueOf(source[i + 1]);
            if ((a | b) < 0 || (b & 0x0F) != 0)
            {
                return false;
            }

            // Stryker disable once Update : the last write, and every caller discards written
            destination[written++] = (byte)((a << 2) | (b >> 4));
        }
        else if (rem == 3)
        {
            int a = ValueOf(source[i]), b = ValueOf(source[i + 1]), c = ValueOf(source[i + 2]);
            if ((a | b | c) < 0 || (c & 0x03) != 0)
            {
                return false;
            }

            var v = (a << 12) | (b << 6) | c;
            destination[written++] = (byte)(v >> 10);
            // Stryker disable once Update : the last write, and every caller discards written
            destination[written++] = (byte)(v >> 2);
        }

        return true;
    }

    /// <summary>Decodes into a new array, or null when the input is not strict base64url.</summary>
    public static byte[]? Decode(ReadOnlySpan<char> source)
    {
        var length = DecodedLength(source.Length);
        if (length < 0)
        {
            return null;
        }

        var bytes = length == 0 ? [] : new byte[length];
        return TryDecode(source, bytes, out _) ? bytes : null;
    }

    // Stryker disable all : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
    /// <summary>
    /// True when <paramref name="source"/> is base64url in the alphabet and of a possible length, and only its last
    /// character's unused bits are not zero: the non-canonical spelling PARSE-1 leaves to each implementation.
    /// </summary>
    public static bool IsNonCanonical(ReadOnlySpan<char> source)
    {
        var rem = source.Length % 4;
        if (rem is 0 or 1 || DecodedLength(source.Length) < 0)
        {
            return false;
        }

        foreach (var c in source)
        {
            if (ValueOf(c) < 0)
            {
                return false;
            }
        }

        var last = ValueOf(source[^1]);
        return rem == 2 ? (last & 0x0F) != 0 : (last & 0x03) != 0;
    }

    // Stryker restore all
    /// <summary>Encodes without padding.</summary>
    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);
}
