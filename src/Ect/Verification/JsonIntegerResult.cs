namespace Ect.Verification;

/// <summary>What <see cref="JsonInteger.Read"/> found in a JSON number.</summary>
internal enum JsonIntegerResult
{
    /// <summary>An integer within the limit, in any spelling.</summary>
    Whole,

    /// <summary>Not an integer (<c>1.5</c>, <c>15e-1</c>).</summary>
    Fraction,

    /// <summary>An integer beyond the limit.</summary>
    OutOfRange,
}
