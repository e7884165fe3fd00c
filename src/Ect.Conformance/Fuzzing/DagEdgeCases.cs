using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// DAG cases at the edges the plain <see cref="DagGenerator"/> draws too rarely: every list
/// position, exact limits, and one <c>jti</c> in two workflows. The store is a shuffled
/// <see cref="WorkflowGenerator"/> DAG of up to 12 tasks, and the new task is in one of the three
/// workflows. Distribution, uniformly: a predecessor issued at the skew bound (one below, equal,
/// one above, under a <c>dag_clock_skew</c> of 0, 1, 5 or 30) at a uniform position among 0–3
/// timely ones; a cycle through one to three dangling references reached through a uniform
/// position among 0–3 honest predecessors; an honest task with <c>max_ancestors</c> one below,
/// equal to or one above its number of stored ancestors (one in two with a predecessor also naming a
/// task the store does not hold, which is no ancestor; one in two with a stored reference to its
/// <c>jti</c> elsewhere, so that the walk runs); a stored task's <c>jti</c> stored again in another
/// workflow, then a new task taking that <c>jti</c> in a third workflow or in the twin's, or naming
/// it from the twin's workflow or the original's; a list with one predecessor twice at a
/// <c>max_pred_length</c> one below, equal to or one above its length.
/// </summary>
internal static class DagEdgeCases
{
    private static readonly long[] Skews = [0, 1, 5, 30];

    public static (JsonObject Recipe, Mutation What) Generate(Random random, EctDraft draft)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tasks = WorkflowGenerator.Generate(random, 12).Tasks.ToList();
        var options = new JsonObject();
        var wid = random.Pick(WorkflowGenerator.Workflows.Where(w => w is not null).ToList());
        var jti = $"00000000-0000-4000-8000-{random.Next():x12}";
        var mates = tasks.Where(t => t.Wid == wid).ToList();
        var preds = mates.Where(_ => random.Chance(0.4)).Take(3).Select(t => t.Jti).ToList();
        var extra = new List<JsonObject>();
        long iat = preds.Count == 0 ? WorkflowGenerator.Base + 600 : mates.Where(t => preds.Contains(t.Jti)).Max(t => t.Iat) + random.Next(0, 30);
        Mutation what;
        switch (random.Next(5))
        {
            case 0:
            {
                var skew = random.Pick(Skews);
                options["dag_clock_skew"] = skew;
                var delta = random.Next(-1, 2);
                var late = $"00000000-0000-4000-a000-{random.Next():x12}";
                extra.Add(PayloadGenerator.Task(draft, late, wid, iat + skew + delta, []));
                var position = random.Next(preds.Count + 1);
                preds.Insert(position, late);
                what = new Mutation($"predecessor {position + 1} of {preds.Count} issued {skew + delta} s after the task (dag_clock_skew {skew})", ["DAG-3"]);
                break;
            }

            case 1:
            {
                var depth = random.Next(1, 4);
                var previous = jti;
                for (var i = 0; i < depth; i++)
                {
                    var link = $"00000000-0000-4000-9000-{random.Next():x12}";
                    extra.Add(PayloadGenerator.Task(draft, link, wid, iat - 10, [previous]));
                    previous = link;
                }

                var position = random.Next(preds.Count + 1);
                preds.Insert(position, previous);
                what = new Mutation($"a cycle through {depth} dangling reference(s) from predecessor {position + 1} of {preds.Count}", ["DAG-4"]);
                break;
            }

            case 2:
            {
                if (preds.Count == 0 && mates.Count > 0)
                {
                    var pred = mates[^1];
                    preds.Add(pred.Jti);
                    iat = pred.Iat + random.Next(0, 30);
                }

                var ancestors = Ancestors(tasks, preds);
                var lineage = tasks.Where(t => preds.Contains(t.Jti)).ToList();
                if (lineage.Count > 0 && random.Chance(0.5))
                {
                    // A stored ancestor naming a task the store does not hold: no ancestor, so not counted (DAG-5).
                    var holder = random.Pick(lineage);
                    tasks[tasks.IndexOf(holder)] = holder with { Preds = [.. holder.Preds, $"00000000-0000-4000-c000-{random.Next():x12}"] };
                }

                var delta = random.Next(-1, 2);
                options["max_ancestors"] = Math.Max(1, ancestors + delta);
                var walked = random.Chance(0.5);
                if (walked)
                {
                    // A stored task elsewhere names the new task, so the reference walks the ancestors.
                    extra.Add(PayloadGenerator.Task(draft, $"00000000-0000-4000-b000-{random.Next():x12}", wid, iat + 5, [jti]));
                }

                what = new Mutation($"{ancestors} stored ancestor(s), max_ancestors {Math.Max(1, ancestors + delta)}{(walked ? ", the task referenced in the store" : "")}", ["DAG-5", "DAG-4"]);
                break;
            }

            case 3:
                what = Twin(random, draft, tasks, extra, ref wid, ref jti, ref iat, preds);
                break;
            default:
            {
                if (preds.Count == 0)
                {
                    if (mates.Count == 0)
                    {
                        what = new Mutation("a root task", ["DAG-10"]);
                        break;
                    }

                    preds.Add(mates[0].Jti);
                    iat = Math.Max(iat, mates[0].Iat);
                }

                preds.Insert(random.Next(preds.Count + 1), random.Pick(preds));
                var max = Math.Max(1, preds.Count + random.Next(-1, 2));
                options["max_pred_length"] = max;
                what = new Mutation($"{preds.Count} predecessors, one of them twice (max_pred_length {max})", ["DAG-6", "DAG-7"]);
                break;
            }
        }

        return (DagGenerator.Recipe(random, draft, tasks, extra, options, PayloadGenerator.Task(draft, jti, wid, iat, preds)), what);
    }

    /// <summary>A stored task's jti stored again in another workflow, and a new task that takes or names it.</summary>
    private static Mutation Twin(Random random, EctDraft draft, List<WorkflowTask> tasks, List<JsonObject> extra, ref string? wid, ref string jti, ref long iat, List<string> preds)
    {
        var withWorkflow = tasks.Where(t => t.Wid is not null).ToList();
        if (withWorkflow.Count == 0)
        {
            return new Mutation($"a task naming {preds.Count} stored tasks", ["DAG-10"]);
        }

        var original = random.Pick(withWorkflow);
        var workflows = WorkflowGenerator.Workflows.Where(w => w is not null && w != original.Wid).ToList();
        random.Shuffle(workflows);
        var (twinWid, thirdWid) = (workflows[0], workflows[1]);
        var twinIat = original.Iat + random.Next(-60, 61);
        extra.Add(PayloadGenerator.Task(draft, original.Jti, twinWid, twinIat, []));
        preds.Clear();
        switch (random.Next(4))
        {
            case 0:
                (wid, jti) = (thirdWid, original.Jti);
                return new Mutation("a jti stored in two other workflows, taken in a third", ["DAG-1"]);
            case 1:
                (wid, jti) = (twinWid, original.Jti);
                return new Mutation("a jti stored in two workflows, taken again in one of them", ["DAG-1"]);
            case 2:
                wid = twinWid;
                preds.Add(original.Jti);
                iat = Math.Max(twinIat, original.Iat) + random.Next(0, 30);
                return new Mutation("a predecessor whose jti is stored in two workflows, named from the later-added one", ["DAG-8", "DAG-2", "DAG-1"]);
            default:
                wid = original.Wid;
                preds.Add(original.Jti);
                iat = Math.Max(twinIat, original.Iat) + random.Next(0, 30);
                return new Mutation("a predecessor whose jti is stored in two workflows, named from the original's", ["DAG-8", "DAG-2", "DAG-1"]);
        }
    }

    /// <summary>The number of distinct stored tasks reachable from <paramref name="preds"/> (the generated DAG's edges stay within a workflow).</summary>
    private static int Ancestors(List<WorkflowTask> tasks, IEnumerable<string> preds)
    {
        var byJti = tasks.ToDictionary(t => t.Jti, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(preds);
        while (pending.TryPop(out var next))
        {
            if (byJti.TryGetValue(next, out var task) && seen.Add(next))
            {
                foreach (var pred in task.Preds)
                {
                    pending.Push(pred);
                }
            }
        }

        return seen.Count;
    }
}
