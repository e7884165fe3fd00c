using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Verify cases. One token (7 in 15): honest 20 %, a claim change 40 %, a header or key change
/// 20 %, a change after signing 15 %, a claim change and a change after signing 5 %; three in ten
/// name 1–3 stored roots as predecessors. The edges of <see cref="VerifyEdgeCases"/> (4 in 15).
/// Several tokens (4 in 15), uniformly: the same token
/// twice (a replay), a rejected token followed by a valid one under the same <c>jti</c>, a chain of
/// 2–5 tasks in one workflow each naming earlier ones with one of them changed, or a token whose
/// <c>jti</c> is already stored. Options vary as <see cref="OptionVariations"/> says.
/// </summary>
internal static class VerifyGenerator
{
    public static (JsonObject Recipe, Mutation What) Generate(Random random, EctDraft draft)
    {
        ArgumentNullException.ThrowIfNull(random);
        var options = OptionVariations.Verifier(random);
        var store = new JsonArray();
        var tokens = new JsonArray();
        var keys = FuzzKeys.VerifierKeys();
        var roll = random.Next(15);
        var what = roll < 7 ? Single(random, draft, options, store, tokens)
            : roll < 11 ? Several(random, draft, options, store, tokens)
            : VerifyEdgeCases.Apply(random, draft, options, keys, store, tokens);
        var recipe = new JsonObject
        {
            ["now"] = FuzzDefaults.Now,
            ["options"] = options,
            ["keys"] = keys,
            ["store"] = store,
            ["tokens"] = tokens,
        };
        return (recipe, what);
    }

    private static Mutation Single(Random random, EctDraft draft, JsonObject options, JsonArray store, JsonArray tokens)
    {
        var preds = new List<string>();
        var wid = random.Chance(0.5) ? random.Uuid() : null;
        if (random.Chance(0.3))
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var root = PayloadGenerator.Task(draft, random.Uuid(), wid, FuzzDefaults.Now - random.Next(0, 120), []);
                store.Add(root);
                preds.Add(root["jti"]!.GetValue<string>());
            }
        }

        var recipe = Honest(random, draft, preds, wid: wid);
        tokens.Add(recipe);
        return Change(random, draft, options, recipe, random.Next(20));
    }

    /// <summary>Roll 0–3 honest, 4–11 a claim, 12–15 the header, 16–18 after signing, 19 a claim and after signing.</summary>
    private static Mutation Change(Random random, EctDraft draft, JsonObject options, JsonObject recipe, int roll)
    {
        if (roll < 4)
        {
            return Mutation.None;
        }

        if (roll < 12)
        {
            return ClaimMutations.Apply(random, recipe["payload"]!.AsObject(), draft, options);
        }

        if (roll < 16)
        {
            return HeaderMutations.Apply(random, recipe);
        }

        if (roll < 19)
        {
            return ByteMutations.Apply(random, recipe);
        }

        var claim = ClaimMutations.Apply(random, recipe["payload"]!.AsObject(), draft, options);
        var bytes = ByteMutations.Apply(random, recipe);
        return new Mutation($"{claim.Description}, then {bytes.Description}", [.. claim.Rules, .. bytes.Rules]);
    }

    private static Mutation Several(Random random, EctDraft draft, JsonObject options, JsonArray store, JsonArray tokens)
    {
        switch (random.Next(4))
        {
            case 0:
            {
                var token = Honest(random, draft, []);
                tokens.Add(token);
                tokens.Add(token.DeepClone());
                return new Mutation("the same token presented twice", ["RPL-1", "DAG-1"]);
            }

            case 1:
            {
                var jti = random.Uuid();
                var rejected = Honest(random, draft, [], jti: jti);
                var change = Change(random, draft, options, rejected, random.Next(4, 19));
                var valid = Honest(random, draft, [], jti: jti);
                tokens.Add(rejected);
                tokens.Add(valid);
                return new Mutation($"a token with {change.Description}, then a valid one under the same jti", ["RPL-2", "LDG-2", .. change.Rules]);
            }

            case 2:
            {
                var wid = random.Chance(0.7) ? random.Uuid() : null;
                var jtis = new List<string>();
                var count = random.Next(2, 6);
                var changed = random.Next(count);
                Mutation change = Mutation.None;
                for (var i = 0; i < count; i++)
                {
                    var preds = jtis.Where(_ => random.Chance(0.5)).ToList();
                    var token = Honest(random, draft, preds, wid: wid);
                    jtis.Add(token["payload"]!["jti"]!.GetValue<string>());
                    if (i == changed)
                    {
                        change = Change(random, draft, options, token, random.Next(20));
                    }

                    tokens.Add(token);
                }

                return new Mutation($"a chain of {count} tasks, token {changed + 1} with {change.Description}", ["DAG-2", "DAG-10", .. change.Rules]);
            }

            default:
            {
                var wid = random.Chance(0.5) ? random.Uuid() : null;
                var jti = random.Uuid();
                store.Add(PayloadGenerator.Task(draft, jti, random.Chance(0.7) ? wid : random.Uuid(), FuzzDefaults.Now - 60, []));
                tokens.Add(Honest(random, draft, [], jti: jti, wid: wid));
                return new Mutation("a token whose jti is already stored", ["DAG-1"]);
            }
        }
    }

    /// <summary>An honest token; with <paramref name="workflow"/>, <paramref name="wid"/> is taken as given, none when null, rather than drawn when null.</summary>
    internal static JsonObject Honest(Random random, EctDraft draft, IReadOnlyList<string> preds, string? jti = null, string? wid = null, bool workflow = false)
    {
        var key = random.Chance(0.8) ? FuzzKeys.AgentA : FuzzKeys.AgentB;
        var payload = PayloadGenerator.Payload(random, draft, preds, jti, wid);
        if (workflow && wid is null)
        {
            payload.Remove("wid");
        }

        return TokenRecipe.Create(PayloadGenerator.Header(draft, key), payload, key);
    }
}
