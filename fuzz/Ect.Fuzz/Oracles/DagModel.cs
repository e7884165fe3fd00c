using Ect.Dag;
using Ect.Errors;
using Ect.Model;

namespace Ect.Fuzz.Oracles;

/// <summary>
/// DAG validation written again from the profile (section 7) and the store contract of
/// <see cref="IEctStore"/>, as plainly as possible: linear scans instead of indexes, and the cycle
/// check as reachability in the graph the store would hold once the task is appended, with no
/// shortcut and no traversal bound. The engine must give the same code, except that it may stop
/// with <c>dag_traversal_limit</c> where the model finds no cycle or a cycle (DAG-5).
/// </summary>
public static class DagModel
{
    public static EctErrorCode? Validate(EctPayload task, IReadOnlyList<EctPayload> store, EctDraft draft, DagOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var preds = task.Predecessors;
        if (options.MaxPredLength > 0 && preds.Count > options.MaxPredLength)
        {
            return EctErrorCode.DagTooManyPreds;                                    // DAG-6
        }

        if (options.RejectDuplicatePredecessors && preds.Distinct(StringComparer.Ordinal).Count() != preds.Count)
        {
            return EctErrorCode.DagDuplicatePred;                                   // DAG-7
        }

        if (store.Any(e => e.Jti == task.Jti && (task.Wid is null || e.Wid == task.Wid)))
        {
            return EctErrorCode.DagDuplicateJti;                                    // DAG-1
        }

        var found = preds.Select(p => Resolve(store, p, task.Wid)).ToList();
        if (found.Any(p => p is null))
        {
            return EctErrorCode.DagPredNotFound;                                    // DAG-2
        }

        if (draft == EctDraft.Draft01 && task.Wid is not null && found.Any(p => p!.Wid != task.Wid))
        {
            return EctErrorCode.DagWorkflowMismatch;                                // DAG-8
        }

        if (found.Any(p => (Int128)p!.IssuedAt > (Int128)task.IssuedAt + options.ClockSkewSeconds))
        {
            return EctErrorCode.DagTemporalOrder;                                   // DAG-3
        }

        return IsOwnAncestor(task, store) ? EctErrorCode.DagCycle : null;           // DAG-4
    }

    /// <summary>
    /// What a reference names, seen from a task in workflow <paramref name="wid"/> (IEctStore.FindPredecessor):
    /// the task with that jti in the same workflow, otherwise the first stored task with that jti.
    /// </summary>
    public static EctPayload? Resolve(IReadOnlyList<EctPayload> store, string jti, string? wid) =>
        (wid is null ? null : store.FirstOrDefault(e => e.Jti == jti && e.Wid == wid)) ?? store.FirstOrDefault(e => e.Jti == jti);

    /// <summary>Reachability from the task back to itself in the store with the task appended.</summary>
    private static bool IsOwnAncestor(EctPayload task, IReadOnlyList<EctPayload> store)
    {
        var graph = store.Append(task).ToList();
        var seen = new HashSet<EctPayload>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<EctPayload>();
        pending.Push(task);
        while (pending.TryPop(out var node))
        {
            foreach (var pred in node.Predecessors)
            {
                var next = Resolve(graph, pred, node.Wid);
                if (ReferenceEquals(next, task))
                {
                    return true;
                }

                if (next is not null && seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }
}
