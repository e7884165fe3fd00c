namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Random valid ECT DAGs. Distribution: 1 to <c>maxTasks</c> tasks, uniformly; each task in one of
/// three workflows or in none, uniformly; a fan-in of 0 to <see cref="MaxFanIn"/> predecessors
/// (never more than the tasks already in its workflow) picked among the earlier tasks of its
/// workflow, so roots, chains, fan-out and fan-in all occur; each <c>iat</c> within 90 s above the
/// latest predecessor's minus the 30 s skew (a predecessor may be issued up to 30 s after its child),
/// roots within 10 minutes of <see cref="Base"/>. Every topological order of a DAG is reachable
/// through <see cref="TopologicalOrder"/>.
/// </summary>
internal static class WorkflowGenerator
{
    public const long Base = 1_767_225_600;
    public const int MaxFanIn = 12;

    public static readonly IReadOnlyList<string?> Workflows =
    [
        "11111111-1111-4111-8111-111111111111",
        "22222222-2222-4222-8222-222222222222",
        "33333333-3333-4333-8333-333333333333",
        null,
    ];

    public static Workflow Generate(Random random, int maxTasks = 40)
    {
        ArgumentNullException.ThrowIfNull(random);
        var count = random.Next(1, maxTasks + 1);
        var seeds = new int[count * 4];
        for (var i = 0; i < seeds.Length; i++)
        {
            seeds[i] = random.Next();
        }

        return Build(seeds, count);
    }

    /// <summary>A task's choices come from four numbers, so a property framework's replay reproduces the whole DAG from them.</summary>
    public static Workflow Build(IReadOnlyList<int> seeds, int count)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var tasks = new List<WorkflowTask>(count);
        for (var i = 0; i < count; i++)
        {
            var wid = Workflows[seeds[i * 4] % Workflows.Count];
            var candidates = tasks.Where(t => t.Wid == wid).ToList();
            var fanIn = candidates.Count == 0 ? 0 : seeds[(i * 4) + 1] % (Math.Min(candidates.Count, MaxFanIn) + 1);
            var picked = new List<WorkflowTask>();
            var pick = seeds[(i * 4) + 2];
            for (var k = 0; k < fanIn; k++)
            {
                var candidate = candidates[(int)(((long)pick + (k * 7919L)) % candidates.Count)];
                if (!picked.Contains(candidate))
                {
                    picked.Add(candidate);
                }
            }

            // The latest predecessor may be up to 30 s after the child; jitter covers both sides of that.
            var floor = picked.Count == 0 ? Base + (seeds[(i * 4) + 3] % 600) : picked.Max(p => p.Iat) - 30;
            var iat = floor + (seeds[(i * 4) + 3] % 90);
            tasks.Add(new WorkflowTask($"00000000-0000-4000-8000-{i:x12}", wid, iat, picked.Select(p => p.Jti).ToArray()));
        }

        return new Workflow(tasks);
    }

    /// <summary>Every topological order of a DAG is reachable: repeatedly take a chosen task whose predecessors are placed.</summary>
    public static IReadOnlyList<WorkflowTask> TopologicalOrder(Workflow dag, IReadOnlyList<int> choices)
    {
        ArgumentNullException.ThrowIfNull(dag);
        ArgumentNullException.ThrowIfNull(choices);
        var placed = new HashSet<string>();
        var remaining = dag.Tasks.ToList();
        var order = new List<WorkflowTask>();
        var step = 0;
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => t.Preds.All(placed.Contains)).ToList();
            var next = ready[choices[step++ % choices.Count] % ready.Count];
            order.Add(next);
            placed.Add(next.Jti);
            remaining.Remove(next);
        }

        return order;
    }
}
