namespace Ect.Verification;

/// <summary>Structural checks of an ES256 signature that come before the curve arithmetic (SIG-1, SIG-2).</summary>
internal static class Es256
{
    public const int SignatureLength = 64;

    /// <summary>The order n of the P-256 group, big-endian.</summary>
    private static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ];

    /// <summary>Null when <paramref name="signature"/> is 64 bytes with 0 &lt; r, s &lt; n; otherwise why not.</summary>
    public static string? CheckStructure(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength)
        {
            // Stryker disable once String : message only
            return signature.Length == 0
                ? "signature is empty"
                : $"ES256 signature is 64 bytes (r||s), this one is {signature.Length} bytes" + /* Stryker disable once Conditional,Equality,String : message only */ (signature[0] == 0x30 ? " (DER-encoded?)" : "");
        }

        // Stryker disable once NullCoalescing,String : key.Verify refuses a zero or out-of-range scalar anyway (SIG-2)
        return CheckScalar(signature[..32], "r") ?? CheckScalar(signature[32..], "s");
    }

    private static string? CheckScalar(ReadOnlySpan<byte> scalar, string name)
    {
        // Stryker disable once Block : key.Verify refuses a zero scalar anyway (SIG-2)
        if (scalar.IndexOfAnyExcept((byte)0) < 0)
        {
            // Stryker disable once String : message only
            return $"signature {name} is zero";
        }

        // Stryker disable once String : message only
        return scalar.SequenceCompareTo(Order) >= 0 ? $"signature {name} is not below the curve order" : null;
    }
}
