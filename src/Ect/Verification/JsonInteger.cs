namespace Ect.Verification;

/// <summary>
/// The integer a JSON number denotes, decided exactly from its text: <c>1767225600</c>,
/// <c>1767225600.0</c>, <c>1.7672256e9</c>, <c>17672256e2</c> and <c>176722560000e-2</c> are
/// all 1767225600. Reading through a double would round <c>9007199254740993</c> (2^53 + 1) to
/// 2^53 and accept it under a bound it breaks, so no floating point is involved.
/// </summary>
internal static class JsonInteger
{
    /// <summary>2^53 − 1: past it JSON numbers stop being exact in most parsers (RFC 7493 §2.2), so claims are refused beyond it (CLM-3).</summary>
    public const long SafeLimit = (1L << 53) - 1;

    /// <summary>Exponents are clamped here while being read: anything that large is out of every range, and the clamp keeps the sums exact.</summary>
    private const long ExponentClamp = 1_000_000_000;

    /// <summary>
    /// Reads the JSON number text <paramref name="raw"/> (syntax already checked by the JSON reader).
    /// <see cref="JsonIntegerResult.Whole"/> with the value when it is integral and within
    /// ±<paramref name="limit"/>; otherwise whether it is a fraction or out of range.
    /// </summary>
    public static JsonIntegerResult Read(ReadOnlySpan<byte> raw, long limit, out long value)
    {
        // Stryker disable once Statement : unreachable: the limit is always the constant SafeLimit
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        value = 0;
        var i = 0;
        var negative = i < raw.Length && raw[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        // Significant digits (integer part then fraction), without leading zeros; trailing zeros are counted, not kept.
        Span<byte> digits = stackalloc byte[20];
        var kept = 0;
        long significant = 0;
        long pendingZeros = 0;
        long scale = 0;
        var inFraction = false;
        for (; i < raw.Length && raw[i] is not ((byte)'e' or (byte)'E'); i++)
        {
            if (raw[i] == (byte)'.')
            {
                inFraction = true;
                continue;
            }

            if (inFraction)
            {
                scale--;
            }

            var digit = (byte)(raw[i] - '0');
            if (digit == 0)
            {
                if (significant > 0)
                {
                    pendingZeros++;
                }

                continue;
            }

            // A non-zero digit: the zeros before it are significant.
            significant += pendingZeros + 1;
            for (; pendingZeros > 0; pendingZeros--)
            {
                Keep(digits, ref kept, 0);
            }

            Keep(digits, ref kept, digit);
        }

        long exponent = 0;
        if (i < raw.Length)
        {
            i++;
            var negativeExponent = raw[i] == (byte)'-';
            if (raw[i] is (byte)'-' or (byte)'+')
            {
                i++;
            }

            for (; i < raw.Length; i++)
            {
                exponent = Math.Min(ExponentClamp, (exponent * 10) + (raw[i] - '0'));
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        if (significant == 0)
        {
            return JsonIntegerResult.Whole;
        }

        // The value is (significant digits) × 10^(exponent + scale + trailing zeros).
        var power = exponent + scale + pendingZeros;
        if (power < 0)
        {
            // The last significant digit is not zero, so a negative power leaves a fraction.
            return JsonIntegerResult.Fraction;
        }

        if (significant + power > 19)
        {
            return JsonIntegerResult.OutOfRange;
        }

        UInt128 magnitude = 0;
        for (var d = 0; d < kept; d++)
        {
            magnitude = (magnitude * 10) + digits[d];
        }

        for (var p = 0; p < power; p++)
        {
            magnitude *= 10;
        }

        if (magnitude > (UInt128)limit)
        {
            return JsonIntegerResult.OutOfRange;
        }

        value = negative ? -(long)magnitude : (long)magnitude;
        return JsonIntegerResult.Whole;
    }

    private static void Keep(Span<byte> digits, ref int kept, byte digit)
    {
        // More than 20 significant digits is out of every range of a long; the count in Read decides, so the rest is dropped.
        if (kept < digits.Length)
        {
            digits[kept++] = digit;
        }
    }
}
