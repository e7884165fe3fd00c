using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Times on both sides of every comparison of TIME-1 and TIME-2, under options other than the
/// defaults as often as under them, with the other time claim kept valid so that the comparison
/// aimed at is the only one that can decide. Distribution: each of <c>exp_leeway</c> (1, 5, 30,
/// 600), <c>iat_max_age</c> (0, 1, 60, 3,600) and <c>iat_max_future</c> (0, 1, 5, 60, 120) set one
/// in two; then uniformly one comparison: <c>exp</c> against <c>now</c> + <c>exp_leeway</c>,
/// <c>exp</c> against <c>iat</c> (with <c>iat</c> ahead of <c>now</c>, inside the leeway or at
/// <c>now</c>, so the token is otherwise valid), <c>iat</c> against the age bound or against the
/// future bound; the bound is the case's, the default's (a hard-coded default shows there) or the
/// case's widened by <c>exp_leeway</c> (a leeway applied to the wrong window shows there), and the
/// value is one below, equal or one above it.
/// </summary>
internal static class TimeBoundaries
{
    private static readonly long[] Leeways = [1, 5, 30, 600];
    private static readonly long[] MaxAges = [0, 1, 60, 3600];
    private static readonly long[] MaxFutures = [0, 1, 5, 60, 120];

    public static Mutation Apply(Random random, JsonObject payload, JsonObject options)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(options);
        var leeway = Vary(random, options, "exp_leeway", Leeways, 0);
        var maxAge = Vary(random, options, "iat_max_age", MaxAges, 900);
        var maxFuture = Vary(random, options, "iat_max_future", MaxFutures, 30);
        var now = FuzzDefaults.Now;
        var delta = random.Next(-1, 2);
        long iat, exp;
        string what;
        string rule;
        switch (random.Next(4))
        {
            case 0:
            {
                var (bound, name) = random.Next(2) == 0 ? (now - leeway, "now - exp_leeway") : (now, "now (exp_leeway 0)");
                exp = bound + delta;
                iat = Math.Clamp(exp - 1, now - maxAge, now + maxFuture);
                iat = Math.Min(iat, exp - 1);
                what = $"exp at {name} {delta:+0;-0;0}";
                rule = "TIME-1";
                break;
            }

            case 1:
            {
                // Ahead of now, inside the leeway, or now: wherever exp == iat is refused only by the exp-after-iat check.
                var candidates = new List<long> { now };
                if (maxFuture >= 1)
                {
                    candidates.Add(now + random.Next(1, (int)Math.Min(maxFuture, 1000) + 1));
                }

                if (leeway >= 2)
                {
                    candidates.Add(now - random.Next(0, (int)Math.Min(leeway - 1, 1000)));
                }

                iat = random.Pick(candidates);
                exp = iat + delta;
                what = $"exp at iat {delta:+0;-0;0}, iat {iat - now:+0;-0;0} s from now";
                rule = "TIME-1";
                break;
            }

            case 2:
            {
                var (age, name) = Bound(random, maxAge, 900, leeway, "iat_max_age");
                iat = now - age + delta;
                exp = Math.Max(iat, now) + 600;
                what = $"iat {age - delta} s old ({name} {age})";
                rule = "TIME-2";
                break;
            }

            default:
            {
                var (ahead, name) = Bound(random, maxFuture, 30, leeway, "iat_max_future");
                iat = now + ahead + delta;
                exp = iat + 600;
                what = $"iat {ahead + delta} s ahead ({name} {ahead})";
                rule = "TIME-2";
                break;
            }
        }

        payload["iat"] = iat;
        payload["exp"] = exp;
        return new Mutation($"{what} (exp_leeway {leeway}, iat_max_age {maxAge}, iat_max_future {maxFuture})", [rule]);
    }

    /// <summary>The case's bound, the default's, or the case's widened by the leeway.</summary>
    private static (long Value, string Name) Bound(Random random, long option, long fallback, long leeway, string name) => random.Next(3) switch
    {
        0 => (fallback, $"the default {name}"),
        1 when leeway > 0 => (option + leeway, $"{name} + exp_leeway"),
        _ => (option, name),
    };

    private static long Vary(Random random, JsonObject options, string name, long[] values, long fallback)
    {
        if (random.Chance(0.5))
        {
            options[name] = random.Pick(values);
        }

        return ClaimMutations.Option(options, name, fallback);
    }
}
