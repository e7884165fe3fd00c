using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>
/// Runs FsCheck properties with a budget and a seed that are printed, so any CI failure replays
/// exactly. CI uses each property's fixed budget and the fixed seed; a soak run sets
/// <c>PBT_MAXTEST</c> (a multiplier-free test count per property) and <c>PBT_SEED</c>
/// (<c>seed,gamma</c>, or <c>random</c>).
/// </summary>
public static class PropertyRun
{
    /// <summary>The seed CI runs with: any failure it finds is reproducible by anyone.</summary>
    public const ulong DefaultSeed = 20261124;
    public const ulong DefaultGamma = 1442695040888963407;

    public static void Check<T>(string name, int maxTest, Arbitrary<T> arbitrary, Action<T> property)
    {
        var (seed, gamma) = Seed();
        var tests = int.TryParse(Environment.GetEnvironmentVariable("PBT_MAXTEST"), NumberStyles.None, CultureInfo.InvariantCulture, out var soak) && soak > 0
            ? soak
            : maxTest;
        TestContext.Out.WriteLine($"FsCheck {name}: MaxTest={tests} PBT_SEED={seed},{gamma}");
        var config = Config.QuickThrowOnFailure.WithMaxTest(tests).WithReplay(seed, gamma).WithName(name);
        FsCheck.Check.One(config, Prop.ForAll(arbitrary, property));
    }

    private static (ulong Seed, ulong Gamma) Seed()
    {
        var text = Environment.GetEnvironmentVariable("PBT_SEED");
        if (string.IsNullOrEmpty(text))
        {
            return (DefaultSeed, DefaultGamma);
        }

        if (text == "random")
        {
            // The gamma of a SplitMix stream must be odd.
            return ((ulong)Random.Shared.NextInt64(), (ulong)Random.Shared.NextInt64() | 1);
        }

        var parts = text.Split(',');
        return (ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture) | 1);
    }
}
