using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Options other than the defaults. Distribution: for each parameter independently, one in eight
/// cases set it to one of a few values near its edges: <c>validate_uuids</c> and
/// <c>replay_check</c> false; <c>max_pred_length</c> 0 (no limit), 1, 2 or 3; <c>dag_clock_skew</c>
/// 0, 1 or 5; <c>exp_leeway</c> 1, 30 or 600; <c>iat_max_age</c> 0, 1 or 60; <c>iat_max_future</c> 0
/// or 1; <c>max_ancestors</c> 1, 2, 3 or 5; <c>ext_max_bytes</c> 16 or 100; <c>ext_max_depth</c> 1
/// or 2; <c>max_token_bytes</c> 300 or 1,000; <c>allowed_algs</c> with ES384 beside ES256, or empty.
/// </summary>
internal static class OptionVariations
{
    // Each value is built when drawn: a node has one parent, and cases are drawn on several threads at once.
    private static readonly (string Name, Func<JsonNode>[] Values)[] Choices =
    [
        ("validate_uuids", [() => false]),
        ("replay_check", [() => false]),
        ("max_pred_length", [() => 0, () => 1, () => 2, () => 3]),
        ("dag_clock_skew", [() => 0, () => 1, () => 5]),
        ("exp_leeway", [() => 1, () => 30, () => 600]),
        ("iat_max_age", [() => 0, () => 1, () => 60]),
        ("iat_max_future", [() => 0, () => 1]),
        ("max_ancestors", [() => 1, () => 2, () => 3, () => 5]),
        ("ext_max_bytes", [() => 16, () => 100]),
        ("ext_max_depth", [() => 1, () => 2]),
        ("max_token_bytes", [() => 300, () => 1000]),
        ("allowed_algs", [() => new JsonArray("ES256", "ES384"), () => new JsonArray()]),
    ];

    /// <summary>Verifier options: <c>verifier_id</c>, then any varied parameters; the defaults fill the rest when the case is sent.</summary>
    public static JsonObject Verifier(Random random, double probability = 0.125, params string[] only)
    {
        ArgumentNullException.ThrowIfNull(random);
        var options = new JsonObject { ["verifier_id"] = FuzzDefaults.VerifierId };
        foreach (var (name, values) in Choices)
        {
            if ((only.Length == 0 || only.Contains(name)) && random.Chance(probability))
            {
                options[name] = random.Pick(values)();
            }
        }

        return options;
    }
}
