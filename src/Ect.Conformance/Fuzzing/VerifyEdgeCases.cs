using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Verify cases at the edges a one-claim change reaches too rarely. Distribution, uniformly: time
/// boundaries under varied options (<see cref="TimeBoundaries"/>); a wrong JSON type a lenient
/// reader takes for a right one (<see cref="TypeConfusions"/>); token sizes around
/// <c>max_token_bytes</c> (<see cref="TokenSizes"/>); several tokens sharing <c>jti</c>s
/// (<see cref="ReplaySequences"/>); a case near-miss of a string compared exactly: <c>sub</c>
/// beside <c>iss</c> with one letter or every letter in the other case (CLM-9 in mode 00, an
/// unknown claim in mode 01), <c>aud</c> the verifier with one letter in the other case, or an
/// <c>allowed_algs</c> that leaves ES256 out by a near miss (case, whitespace, a prefix, a
/// confusable letter, another algorithm, none) or holds it beside another, each a third.
/// Every token but those of the several-token cases is honest before the change.
/// </summary>
internal static class VerifyEdgeCases
{
    // Lists that leave ES256 out by a near miss, or hold it beside another algorithm: names, made into
    // a JSON array when drawn, since a node has one parent and cases are drawn on several threads at once.
    private static readonly string[][] AllowedAlgs =
        [["es256"], ["ES256 "], ["ES384"], ["ES25"], [], ["ES384", "ES256"], ["ES256", "ES256"], ["ЕS256"]];

    public static Mutation Apply(Random random, EctDraft draft, JsonObject options, JsonArray keys, JsonArray store, JsonArray tokens)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(tokens);
        var roll = random.Next(5);
        if (roll == 3)
        {
            return ReplaySequences.Apply(random, draft, options, store, tokens);
        }

        var recipe = VerifyGenerator.Honest(random, draft, []);
        tokens.Add(recipe);
        var payload = recipe["payload"]!.AsObject();
        switch (roll)
        {
            case 0:
                return TimeBoundaries.Apply(random, payload, options);
            case 1:
                return TypeConfusions.Apply(random, recipe, options, keys);
            case 2:
                return TokenSizes.Apply(random, recipe, options);
            default:
                var nearMiss = random.Next(3);
                if (nearMiss == 0)
                {
                    var algs = new JsonArray([.. random.Pick(AllowedAlgs).Select(name => (JsonNode?)name)]);
                    options["allowed_algs"] = algs;
                    return new Mutation($"allowed_algs {algs.ToJsonString()}", ["HDR-2"]);
                }

                if (nearMiss == 1)
                {
                    var aud = CaseNearMiss(random, FuzzDefaults.VerifierId);
                    payload["aud"] = random.Chance(0.5) ? aud : new JsonArray(aud);
                    return new Mutation($"aud {aud}", ["CLM-2"]);
                }

                payload["iss"] = random.Chance(0.5) ? FuzzDefaults.Issuer : payload["iss"]!.DeepClone();
                var iss = payload["iss"]!.GetValue<string>();
                payload["sub"] = CaseNearMiss(random, iss);
                return new Mutation($"sub {payload["sub"]} beside iss {iss}", ClaimMutations.RulesOf("sub", draft));
        }
    }

    /// <summary>One cased letter (or, one in three, every letter) of <paramref name="text"/> in the other case; the text itself when it has none.</summary>
    public static string CaseNearMiss(Random random, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cased = Enumerable.Range(0, text.Length).Where(i => char.ToUpperInvariant(text[i]) != char.ToLowerInvariant(text[i])).ToList();
        if (cased.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var i in random.Chance(1.0 / 3) ? cased : [random.Pick(cased)])
        {
            chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
        }

        return new string(chars);
    }
}
