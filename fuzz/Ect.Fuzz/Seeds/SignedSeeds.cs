using System.Text;
using Ect.Parsing;

namespace Ect.Fuzz.Seeds;

/// <summary>Seeds for the re-signing target: <c>header \n payload</c> JSON, hand-built and decoded from every vector token.</summary>
public static class SignedSeeds
{
    public static IEnumerable<Seed> For(SeedSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var (name, header, payload) in SampleTokens.Parts())
        {
            yield return Seed.Text("hand-" + name, header + "\n" + payload);

            // Without a newline the input is only a payload and each mode signs it under its own default header.
            yield return Seed.Text("hand-payload-" + name, payload);
        }

        foreach (var (name, token) in source.Tokens())
        {
            var parts = token.Split('.');
            var header = Base64Url.Decode(parts[0]);
            var payload = Base64Url.Decode(parts[1]);
            if (header is not null && payload is not null && !header.Contains((byte)'\n'))
            {
                yield return new Seed("vector-" + name, [.. header, (byte)'\n', .. payload]);
            }
        }
    }
}
