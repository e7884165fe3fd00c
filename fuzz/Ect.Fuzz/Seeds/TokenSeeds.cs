namespace Ect.Fuzz.Seeds;

/// <summary>Seeds that are token text: the hand-built tokens and every token-shaped string in the vectors.</summary>
public static class TokenSeeds
{
    public static IEnumerable<Seed> For(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var (name, token) in SampleTokens.Tokens())
        {
            yield return Seed.Text("hand-" + name, token);
        }

        foreach (var (name, token) in source.Tokens())
        {
            yield return Seed.Text("vector-" + name, token);
        }
    }
}
