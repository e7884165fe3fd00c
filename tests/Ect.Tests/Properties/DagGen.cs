using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>One generated task: its id, workflow, issue time and predecessors.</summary>
public sealed record GenTask(string Jti, string? Wid, long Iat, IReadOnlyList<string> Preds);

/// <summary>A generated DAG, its tasks listed in one topological order.</summary>
public sealed record GenDag(IReadOnlyList<GenTask> Tasks)
{
    public override string ToString() =>
        string.Join("; ", Tasks.Select(t => $"{t.Jti}@{t.Wid?[..4] ?? "-"} iat={t.Iat} <- [{string.Join(",", t.Preds)}]"));
}

/// <summary>
/// Random valid ECT DAGs: several workflows side by side (and tasks without one), roots, chains,
/// fan-out and fan-in up to <see cref="MaxFanIn"/>, each task's <c>iat</c> consistent with its
/// predecessors up to the skew (a predecessor may be issued up to 30 s after its child).
/// </summary>
public static class DagGen
{
    public const long Base = 1_767_225_600;
    public const int MaxFanIn = 12;

    public static readonly string?[] Workflows =
    [
        "11111111-1111-4111-8111-111111111111",
        "22222222-2222-4222-8222-222222222222",
        "33333333-3333-4333-8333-333333333333",
        null,
    ];

    public static Gen<GenDag> Dags(int maxTasks = 40) =>
        from count in Gen.Choose(1, maxTasks)
        from seeds in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), count * 4)
        select Build(seeds, count);

    /// <summary>A task's choices come from four generated numbers, so FsCheck's replay reproduces the whole DAG.</summary>
    private static GenDag Build(int[] seeds, int count)
    {
        var tasks = new List<GenTask>(count);
        for (var i = 0; i < count; i++)
        {
            var wid = Workflows[seeds[(i * 4)] % Workflows.Length];
            var candidates = tasks.Where(t => t.Wid == wid).ToList();
            var fanIn = candidates.Count == 0 ? 0 : seeds[(i * 4) + 1] % (Math.Min(candidates.Count, MaxFanIn) + 1);
            var picked = new List<GenTask>();
            var pick = seeds[(i * 4) + 2];
            for (var k = 0; k < fanIn; k++)
            {
                var candidate = candidates[(pick + (k * 7919)) % candidates.Count];
                if (!picked.Contains(candidate))
                {
                    picked.Add(candidate);
                }
            }

            // The latest predecessor may be up to 30 s after the child; jitter covers both sides of that.
            var floor = picked.Count == 0 ? Base + (seeds[(i * 4) + 3] % 600) : picked.Max(p => p.Iat) - 30;
            var iat = floor + (seeds[(i * 4) + 3] % 90);
            tasks.Add(new GenTask($"00000000-0000-4000-8000-{i:x12}", wid, iat, picked.Select(p => p.Jti).ToArray()));
        }

        return new GenDag(tasks);
    }

    /// <summary>Every topological order of a DAG is reachable: repeatedly take a random task whose predecessors are placed.</summary>
    public static IReadOnlyList<GenTask> TopologicalOrder(GenDag dag, int[] choices)
    {
        var placed = new HashSet<string>();
        var remaining = dag.Tasks.ToList();
        var order = new List<GenTask>();
        var step = 0;
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => t.Preds.All(placed.Contains)).ToList();
            var next = ready[choices[step++ % choices.Length] % ready.Count];
            order.Add(next);
            placed.Add(next.Jti);
            remaining.Remove(next);
        }

        return order;
    }
}
