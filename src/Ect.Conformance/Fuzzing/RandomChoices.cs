namespace Ect.Conformance.Fuzzing;

/// <summary>The few ways the generators draw from a seeded <see cref="Random"/>.</summary>
internal static class RandomChoices
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A fresh, well-formed UUID from the seeded generator, lowercase or (one in four) uppercase.</summary>
    public static string Uuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return Spell(random, bytes);
    }

    /// <summary>
    /// Sixteen seeded bytes as a UUID of any version and variant, lowercase or (one in four)
    /// uppercase: CLM-4 and CLM-5 accept any version, which <see cref="Uuid"/> alone never shows.
    /// </summary>
    public static string AnyUuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Spell(random, bytes);
    }

    private static string Spell(Random random, ReadOnlySpan<byte> bytes)
    {
        var text = new Guid(bytes).ToString("D");
        return random.Next(4) == 0 ? text.ToUpperInvariant() : text;
    }

    public static void Shuffle<T>(this Random random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
