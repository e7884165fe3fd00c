using System.Security.Cryptography;

namespace Ect.Fuzz.Seeds;

/// <summary>
/// Turns a target's seeds into corpus files: identical inputs once, oversized ones dropped, and at
/// most <see cref="MaxSeeds"/>, because afl-fuzz calibrates every seed before fuzzing and a smoke
/// run of half a minute cannot spend it on hundreds of near-identical vectors.
/// </summary>
public static class SeedSelection
{
    public const int MaxSeeds = 120;

    /// <summary>afl-fuzz mutates small inputs best; the vector bundle's large files stay out of the corpus.</summary>
    public const int MaxSeedBytes = 32 * 1024;

    public static IReadOnlyList<(string FileName, byte[] Data)> Select(IEnumerable<Seed> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var unique = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            if (seed.Data.Length == 0 || seed.Data.Length > MaxSeedBytes)
            {
                continue;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(seed.Data))[..12];
            unique.TryAdd(hash, ($"{Sanitize(seed.Name)}-{hash}", seed.Data));
        }

        var all = unique.Values.OrderBy(s => s.Item1, StringComparer.Ordinal).ToList();
        if (all.Count <= MaxSeeds)
        {
            return all;
        }

        // Hand-built seeds all stay; vector-derived ones are sampled evenly so every topic keeps some.
        var hand = all.Where(s => s.Item1.StartsWith("hand-", StringComparison.Ordinal)).ToList();
        var rest = all.Except(hand).ToList();
        var room = Math.Max(0, MaxSeeds - hand.Count);
        var step = (double)rest.Count / Math.Max(1, room);
        return [.. hand, .. Enumerable.Range(0, Math.Min(room, rest.Count)).Select(i => rest[(int)(i * step)])];
    }

    private static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray();
        var text = new string(chars);
        return text.Length <= 80 ? text : text[..80];
    }
}
