namespace Ect.Verification;

/// <summary>
/// Arithmetic on Unix seconds and durations that cannot wrap. Claims are read up to ±2^53 but
/// options and <c>now</c> may be any <see cref="long"/>, so a sum such as <c>exp + exp_leeway</c> is
/// computed exactly (Int128) and compared or clamped, never left to overflow into the past.
/// </summary>
internal static class Seconds
{
    /// <summary><paramref name="a"/> + <paramref name="b"/>, clamped to the range of <see cref="long"/>.</summary>
    public static long Add(long a, long b)
    {
        var sum = (Int128)a + b;
        return sum > long.MaxValue ? long.MaxValue : sum < long.MinValue ? long.MinValue : (long)sum;
    }

    /// <summary>The exact difference <paramref name="a"/> − <paramref name="b"/>, for comparisons and messages.</summary>
    public static Int128 Difference(long a, long b) => (Int128)a - b;
}
