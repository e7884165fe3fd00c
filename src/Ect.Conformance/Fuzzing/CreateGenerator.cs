using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Create cases: a random valid payload with, independently, <c>iat</c>, <c>exp</c> and the DAG
/// claim each left out one in three (CRT-2), the DAG claim under the other mode's name one in ten,
/// and one claim change (as verify's) two in five (CRT-3); three in ten a DAG claim of 1–4
/// predecessors, one of them twice one in three, under a <c>max_pred_length</c> one below, equal to
/// or one above its length (CRT-3, DAG-6); <c>default_expiry</c> varied one in four;
/// signed with agent-a's private key.
/// </summary>
internal static class CreateGenerator
{
    public static (JsonObject Recipe, Mutation What) Generate(Random random, EctDraft draft)
    {
        ArgumentNullException.ThrowIfNull(random);
        var payload = PayloadGenerator.Payload(random, draft);
        var options = new JsonObject();
        if (random.Chance(0.25))
        {
            options["default_expiry"] = random.Pick(new long[] { 0, 1, 60, 86_400 });
        }

        var left = new List<string>();
        foreach (var claim in new[] { "iat", "exp", draft.PredClaim() })
        {
            if (random.Chance(1.0 / 3))
            {
                payload.Remove(claim);
                left.Add(claim);
            }
        }

        var rules = new List<string> { "CRT-1", "CRT-2" };
        var description = left.Count == 0 ? "a full payload" : $"a payload without {string.Join(", ", left)}";
        if (random.Chance(0.1))
        {
            var other = draft == EctDraft.Draft00 ? "pred" : "par";
            payload[other] = payload[draft.PredClaim()]?.DeepClone() ?? new JsonArray();
            payload.Remove(draft.PredClaim());
            description += $", its DAG claim as {other}";
        }

        if (random.Chance(0.4))
        {
            var change = ClaimMutations.Apply(random, payload, draft, options);
            description += ", " + change.Description;
            rules.Add("CRT-3");
            rules.AddRange(change.Rules);
        }

        if (random.Chance(0.3))
        {
            var preds = new JsonArray([.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => (JsonNode?)random.Uuid())]);
            if (random.Chance(1.0 / 3))
            {
                preds.Insert(random.Next(preds.Count + 1), preds[random.Next(preds.Count)]!.DeepClone());
            }

            var max = Math.Max(1, preds.Count + random.Next(-1, 2));
            payload[draft.PredClaim()] = preds;
            options["max_pred_length"] = max;
            description += $", {preds.Count} predecessors (max_pred_length {max})";
            rules.AddRange(["CRT-3", "DAG-6"]);
        }

        var recipe = new JsonObject
        {
            ["now"] = FuzzDefaults.Now,
            ["options"] = options,
            ["key"] = FuzzKeys.Private(FuzzKeys.AgentA),
            ["payload"] = payload,
        };
        return (recipe, new Mutation(description, rules));
    }
}
