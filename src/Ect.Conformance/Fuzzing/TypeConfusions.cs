using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// A claim or header member of a wrong JSON type in a token that would be valid if a lenient reader
/// took the value for one of the right type, so that only the type check can refuse it.
/// Distribution, uniformly: <c>iat</c> or <c>exp</c> a boolean (read as 0 or 1 by a language whose
/// booleans are numbers), with the windows widened until 0 and 1 are valid times; <c>aud</c> an
/// array holding the verifier and a value of each other JSON type (booleans, null, numbers,
/// arrays, objects) at a uniform position among 0–2 other audiences; <c>exec_act</c>, <c>iss</c>
/// or <c>jti</c> a one-element array holding a valid value; <c>kid</c> a number or boolean, with
/// the signing key also in the key set under the value's text (<c>1</c> beside <c>"1"</c>).
/// </summary>
internal static class TypeConfusions
{
    // Values of every JSON type but string, that could stand beside strings in a list.
    private static readonly Func<JsonNode?>[] NonStrings =
        [() => true, () => false, () => null, () => 0, () => 1, () => JsonNode.Parse("1.5"), () => new JsonArray(), () => new JsonArray(FuzzDefaults.VerifierId), () => new JsonObject()];

    // A kid of another type and its text as the languages of the examples write it.
    private static readonly (Func<JsonNode> Value, string Text)[] Kids =
        [(() => 1, "1"), (() => 0, "0"), (() => 7, "7"), (() => -1, "-1"), (() => JsonNode.Parse("1.5")!, "1.5"), (() => true, "True"), (() => true, "true"), (() => false, "False")];

    private static readonly string[] StringClaims = ["exec_act", "iss", "jti"];

    public static Mutation Apply(Random random, JsonObject recipe, JsonObject options, JsonArray keys)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        var payload = recipe["payload"]!.AsObject();
        switch (random.Next(4))
        {
            case 0:
            {
                var value = random.Chance(0.5);
                if (random.Chance(0.5))
                {
                    // iat 0 or 1 is that old: the age window takes it in.
                    payload["iat"] = value;
                    payload["exp"] = FuzzDefaults.Now + 600;
                    options["iat_max_age"] = FuzzDefaults.Now + 1;
                    return new Mutation($"iat {(value ? "true" : "false")}, iat_max_age wide enough for 0 and 1", ["CLM-3", "TIME-2"]);
                }

                // exp 1 (true) after iat 0, the leeway wide enough for it not to have passed.
                payload["exp"] = value;
                payload["iat"] = 0;
                options["iat_max_age"] = FuzzDefaults.Now + 1;
                options["exp_leeway"] = FuzzDefaults.Now + 1;
                return new Mutation($"exp {(value ? "true" : "false")} after iat 0, exp_leeway and iat_max_age wide enough", ["CLM-3", "TIME-1"]);
            }

            case 1:
            {
                var audiences = new JsonArray();
                for (var i = random.Next(0, 3); i > 0; i--)
                {
                    audiences.Add(PayloadGenerator.Text(random, 8));
                }

                audiences.Insert(random.Next(audiences.Count + 1), FuzzDefaults.VerifierId);
                audiences.Insert(random.Next(audiences.Count + 1), random.Pick(NonStrings)());
                payload["aud"] = audiences;
                return new Mutation($"aud {Protocol.JsonText.Excerpt(audiences, 80)}", ["CLM-2"]);
            }

            case 2:
            {
                var claim = random.Pick(StringClaims);
                payload[claim] = new JsonArray(payload[claim]?.DeepClone());
                return new Mutation($"{claim} a one-element array", ClaimMutations.RulesOf(claim, EctDraft.Draft01));
            }

            default:
            {
                var (value, text) = random.Pick(Kids);
                var kid = value();
                var signer = recipe["key"]!.GetValue<string>();
                var key = FuzzKeys.Public(signer);
                key["kid"] = text;
                keys.Add(key);
                recipe["header"]!["kid"] = kid;
                return new Mutation($"kid {kid.ToJsonString()}, the signing key also under kid \"{text}\"", ["HDR-3"]);
            }
        }
    }
}
