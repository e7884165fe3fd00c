using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// DAG cases: two in five the edges of <see cref="DagEdgeCases"/>; otherwise a store holding a <see cref="WorkflowGenerator"/> DAG of up to 12 tasks in a shuffled
/// order, and a new task judged against it. Uniformly one of: an honest task naming up to four
/// tasks of its workflow (fan-in, or a root); a predecessor missing; a predecessor issued at the
/// skew bound (equal, one above, one below); a cycle through dangling references of depth 1 to
/// <c>max_ancestors</c> + 2 (with <c>max_ancestors</c> 1–8, so the walk's limit is passed); the
/// task naming itself; its <c>jti</c> already stored; more predecessors than a small
/// <c>max_pred_length</c>; a predecessor listed twice; a predecessor from another workflow.
/// </summary>
internal static class DagGenerator
{
    public static (JsonObject Recipe, Mutation What) Generate(Random random, EctDraft draft)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (random.Chance(0.4))
        {
            return DagEdgeCases.Generate(random, draft);
        }

        var workflow = WorkflowGenerator.Generate(random, 12);
        var tasks = workflow.Tasks.ToList();
        var options = OptionVariations.Verifier(random, 0.15, "max_pred_length", "dag_clock_skew", "max_ancestors");
        options.Remove("verifier_id");
        var wid = random.Pick(WorkflowGenerator.Workflows);
        var jti = $"00000000-0000-4000-8000-{random.Next():x12}";
        var mates = tasks.Where(t => t.Wid == wid).ToList();
        var preds = mates.Where(_ => random.Chance(0.3)).Take(4).Select(t => t.Jti).ToList();
        var extra = new List<JsonObject>();
        var skew = ClaimMutations.Option(options, "dag_clock_skew", 30);
        long iat = preds.Count == 0 ? WorkflowGenerator.Base + 600 : mates.Where(t => preds.Contains(t.Jti)).Max(t => t.Iat) + random.Next(-30, 60);
        Mutation what;
        switch (random.Next(9))
        {
            case 0:
                what = new Mutation($"a task naming {preds.Count} stored tasks of its workflow", ["DAG-10", "DAG-2"]);
                break;
            case 1:
                preds.Insert(random.Next(preds.Count + 1), $"00000000-0000-4000-8000-{random.Next():x12}");
                what = new Mutation("a predecessor missing from the store", ["DAG-2"]);
                break;
            case 2:
            {
                var delta = random.Next(-1, 2);
                if (mates.Count == 0)
                {
                    goto default;
                }

                var pred = random.Pick(mates);
                preds = [pred.Jti];
                iat = pred.Iat - skew - delta;
                what = new Mutation($"a predecessor issued {skew + delta} s after the task (dag_clock_skew {skew})", ["DAG-3"]);
                break;
            }

            case 3:
            {
                var maxAncestors = random.Next(1, 9);
                options["max_ancestors"] = maxAncestors;
                var depth = random.Next(1, maxAncestors + 3);
                var previous = jti;
                for (var i = 0; i < depth; i++)
                {
                    var link = $"00000000-0000-4000-9000-{random.Next():x12}";
                    extra.Add(PayloadGenerator.Task(draft, link, wid, iat - 10, [previous]));
                    previous = link;
                }

                preds = [previous];
                what = new Mutation($"a cycle through {depth} dangling reference(s) (max_ancestors {maxAncestors})", ["DAG-4", "DAG-5"]);
                break;
            }

            case 4:
                preds.Add(jti);
                what = new Mutation("the task names itself", ["DAG-4"]);
                break;
            case 5:
                if (mates.Count == 0)
                {
                    goto default;
                }

                jti = random.Pick(mates).Jti;
                preds.Remove(jti);
                what = new Mutation("the task's jti is already stored", ["DAG-1"]);
                break;
            case 6:
            {
                var max = random.Next(1, 4);
                options["max_pred_length"] = max;
                preds = tasks.Where(t => t.Wid == wid).Take(max + random.Next(0, 2)).Select(t => t.Jti).ToList();
                what = new Mutation($"{preds.Count} predecessors (max_pred_length {max})", ["DAG-6"]);
                break;
            }

            case 7:
                if (preds.Count == 0)
                {
                    goto default;
                }

                preds.Add(random.Pick(preds));
                what = new Mutation("a predecessor listed twice", ["DAG-7"]);
                break;
            default:
            {
                var others = tasks.Where(t => t.Wid != wid).ToList();
                if (others.Count == 0)
                {
                    what = new Mutation("a root task", ["DAG-10"]);
                    break;
                }

                var other = random.Pick(others);
                preds.Add(other.Jti);
                iat = Math.Max(iat, other.Iat);
                what = new Mutation("a predecessor from another workflow", ["DAG-8"]);
                break;
            }
        }

        return (Recipe(random, draft, tasks, extra, options, PayloadGenerator.Task(draft, jti, wid, iat, preds)), what);
    }

    /// <summary>A dag case: the stored tasks and the extra entries in a shuffled order, and the task to check.</summary>
    internal static JsonObject Recipe(Random random, EctDraft draft, IEnumerable<WorkflowTask> tasks, IEnumerable<JsonObject> extra, JsonObject options, JsonObject payload)
    {
        var store = tasks.Select(t => PayloadGenerator.Task(draft, t.Jti, t.Wid, t.Iat, t.Preds)).Concat(extra).ToList();
        random.Shuffle(store);
        return new JsonObject
        {
            ["now"] = FuzzDefaults.Now,
            ["options"] = options,
            ["store"] = new JsonArray(store.Select(s => (JsonNode?)s).ToArray()),
            ["payload"] = payload,
        };
    }
}
