using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Verify cases of several tokens sharing <c>jti</c>s, for the replay cache (RPL-1, RPL-2) and the
/// store's scoping by workflow (DAG-1). Distribution, uniformly: one <c>jti</c> presented in two
/// workflows (each of the three known ones or none, so the same and different workflows both
/// occur); a token refused by a DAG rule (a missing predecessor, a predecessor issued too late,
/// more predecessors than a <c>max_pred_length</c> of 1, or itself as predecessor) followed by a
/// valid one under its <c>jti</c>; a sequence of 3–5 tokens drawing their <c>jti</c> from two and
/// their workflow from the four, one in three refused by a DAG rule.
/// </summary>
internal static class ReplaySequences
{
    public static Mutation Apply(Random random, EctDraft draft, JsonObject options, JsonArray store, JsonArray tokens)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(tokens);
        switch (random.Next(3))
        {
            case 0:
            {
                var jti = random.Uuid();
                var first = random.Pick(WorkflowGenerator.Workflows);
                var second = random.Pick(WorkflowGenerator.Workflows);
                tokens.Add(VerifyGenerator.Honest(random, draft, [], jti: jti, wid: first, workflow: true));
                tokens.Add(VerifyGenerator.Honest(random, draft, [], jti: jti, wid: second, workflow: true));
                return new Mutation($"one jti in workflow {Name(first)}, then in {Name(second)}", ["RPL-1", "DAG-1"]);
            }

            case 1:
            {
                var jti = random.Uuid();
                var wid = random.Pick(WorkflowGenerator.Workflows);
                var rejected = VerifyGenerator.Honest(random, draft, [], jti: jti, wid: wid, workflow: true);
                var why = DagRejection(random, draft, options, store, rejected);
                tokens.Add(rejected);
                tokens.Add(VerifyGenerator.Honest(random, draft, [], jti: jti, wid: wid, workflow: true));
                return new Mutation($"a token refused for {why.Description}, then a valid one under its jti", ["RPL-2", "LDG-2", .. why.Rules]);
            }

            default:
            {
                var jtis = new[] { random.Uuid(), random.Uuid() };
                var count = random.Next(3, 6);
                var refused = 0;
                for (var i = 0; i < count; i++)
                {
                    var token = VerifyGenerator.Honest(random, draft, [], jti: random.Pick(jtis), wid: random.Pick(WorkflowGenerator.Workflows), workflow: true);
                    if (random.Chance(1.0 / 3))
                    {
                        DagRejection(random, draft, options, store, token);
                        refused++;
                    }

                    tokens.Add(token);
                }

                return new Mutation($"{count} tokens over two jtis and four workflows, {refused} refused by a DAG rule", ["RPL-1", "RPL-2", "DAG-1"]);
            }
        }
    }

    /// <summary>Makes <paramref name="recipe"/>'s token one that only a DAG rule refuses.</summary>
    private static Mutation DagRejection(Random random, EctDraft draft, JsonObject options, JsonArray store, JsonObject recipe)
    {
        var payload = recipe["payload"]!.AsObject();
        var wid = payload["wid"]?.GetValue<string>();
        var iat = payload["iat"]!.GetValue<long>();
        var preds = new JsonArray();
        payload[draft.PredClaim()] = preds;
        switch (random.Next(4))
        {
            case 0:
                preds.Add(random.Uuid());
                return new Mutation("a missing predecessor", ["DAG-2"]);
            case 1:
            {
                var late = PayloadGenerator.Task(draft, random.Uuid(), wid, iat + 31 + random.Next(0, 60), []);
                store.Add(late);
                preds.Add(late["jti"]!.DeepClone());
                return new Mutation("a predecessor issued after the skew", ["DAG-3"]);
            }

            case 2:
            {
                options["max_pred_length"] = 1;
                for (var i = 0; i < 2; i++)
                {
                    var root = PayloadGenerator.Task(draft, random.Uuid(), wid, iat - 60, []);
                    store.Add(root);
                    preds.Add(root["jti"]!.DeepClone());
                }

                return new Mutation("two predecessors over max_pred_length 1", ["DAG-6"]);
            }

            default:
                preds.Add(payload["jti"]!.DeepClone());
                return new Mutation("naming itself", ["DAG-4"]);
        }
    }

    private static string Name(string? wid) => wid is null ? "none" : wid[..8];
}
