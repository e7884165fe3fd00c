using Ect.Choices;
using Ect.Errors;
using Ect.Model;

namespace Ect.Dag;

/// <summary>
/// DAG validation (profile section 7). Rules are checked rule by rule in the order DAG-9 fixes —
/// list length (6), duplicate entries (7), uniqueness (1), existence (2), workflow (8), time (3),
/// cycle (4) — so that a task breaking several rules gets the code of the first.
/// <para>
/// Cost: every lookup is a hash lookup, so the work per task is proportional to its number of
/// predecessors, not to the size of the store. The ancestor walk of DAG-4 runs only when the
/// store holds a reference that would resolve to the new task once stored
/// (<see cref="IEctStore.IsReferenced"/>) — the only way a cycle can close, since DAG-1
/// guarantees the task is not itself in the store — so an honest chain of any depth, in any
/// number of workflows reusing its <c>jti</c>s, is never walked.
/// </para>
/// </summary>
public static class DagValidator
{
    /// <summary>Validates <paramref name="task"/> against <paramref name="store"/>.</summary>
    public static DagResult Validate(EctPayload task, IEctStore store, EctDraft draft, DagOptions options) =>
        FirstBrokenRule(task, store, draft, options) is { } error ? DagResult.Invalid(error) : DagResult.Valid;

    /// <summary>The checks that need no store: list length (DAG-6) and duplicate entries (DAG-7).</summary>
    public static DagResult ValidateList(EctPayload task, DagOptions options) =>
        ListError(task, options) is { } error ? DagResult.Invalid(error) : DagResult.Valid;

    private static EctError? FirstBrokenRule(EctPayload task, IEctStore store, EctDraft draft, DagOptions options)
    {
        var preds = task.Predecessors;
        var listError = ListError(task, options);
        if (listError is not null)
        {
            return listError;
        }

        // Stryker disable once Logical,Boolean,Equality : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
        if (task.Wid is not null && ProfileChoiceLog.IsObserving && !store.Contains(task.Jti, task.Wid)
            && store.FindPredecessor(task.Jti, task.Wid) is { Wid: null })
        {
            ProfileChoiceLog.Touch(ProfileChoice.UnscopedJtiInWorkflow);
        }

        if (store.Contains(task.Jti, task.Wid))
        {
            return new EctError(EctErrorCode.DagDuplicateJti, task.Wid is null
                ? $"jti {task.Jti} is already in the store"
                : $"jti {task.Jti} is already in the store for workflow {task.Wid}");
        }

        // Small fixed arrays would do for the common 0–4 predecessors; the lookups are reused by the later rules.
        var found = preds.Count == 0 ? [] : new EctPayload[preds.Count];
        for (var i = 0; i < preds.Count; i++)
        {
            var predecessor = store.FindPredecessor(preds[i], task.Wid);
            if (predecessor is null)
            {
                return new EctError(EctErrorCode.DagPredNotFound, preds[i] == task.Jti
                    ? $"{draft.PredClaim()} lists the task's own jti {task.Jti}"
                    : $"predecessor {preds[i]} is not in the store");
            }

            found[i] = predecessor;
        }

        // Stryker disable once Logical,Boolean,Equality : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
        if (draft == EctDraft.Draft00 && task.Wid is not null && Array.Exists(found, p => !string.Equals(p.Wid, task.Wid, StringComparison.Ordinal)))
        {
            // DAG-8 is PROFILE in mode 00: accepting the cross-workflow predecessor is this engine's choice.
            ProfileChoiceLog.Touch(ProfileChoice.CrossWorkflowInMode00);
        }

        if (draft == EctDraft.Draft01 && task.Wid is not null)
        {
            foreach (var predecessor in found)
            {
                if (!string.Equals(predecessor.Wid, task.Wid, StringComparison.Ordinal))
                {
                    return new EctError(EctErrorCode.DagWorkflowMismatch,
                        $"predecessor {predecessor.Jti} belongs to workflow {predecessor.Wid ?? "(none)"}, not {task.Wid}");
                }
            }
        }

        foreach (var predecessor in found)
        {
            // Int128: dag_clock_skew may be any long, and a wrapped sum would reject every predecessor.
            if (predecessor.IssuedAt > (Int128)task.IssuedAt + options.ClockSkewSeconds)
            {
                return new EctError(EctErrorCode.DagTemporalOrder,
                    $"predecessor {predecessor.Jti} was issued at {predecessor.IssuedAt}, more than {options.ClockSkewSeconds} s after this task ({task.IssuedAt})");
            }
        }

        // Stryker disable once Logical,Boolean : choice log: read only by the fuzz oracle; held by tests/Ect.Tests/Choices
        if (ProfileChoiceLog.IsObserving && HasMoreAncestorsThan(task, store, options.MaxAncestors))
        {
            // DAG-5: with more ancestors than max_ancestors another implementation's walk may stop undecided, even where this
            // engine, knowing no stored reference can close a cycle, never walks at all.
            ProfileChoiceLog.Touch(ProfileChoice.TraversalLimit);
        }

        return CheckAcyclic(task, store, options);
    }

    /// <summary>Whether the task has more than <paramref name="limit"/> distinct stored ancestors; walks at most limit + 1 of them.</summary>
    private static bool HasMoreAncestorsThan(EctPayload task, IEctStore store, int limit)
    {
        var visited = new HashSet<EctPayload>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(string Jti, string? Wid)>();
        foreach (var pred in task.Predecessors)
        {
            pending.Push((pred, task.Wid));
        }

        while (pending.TryPop(out var next))
        {
            if (store.FindPredecessor(next.Jti, next.Wid) is not { } node || !visited.Add(node))
            {
                continue;
            }

            if (visited.Count > limit)
            {
                return true;
            }

            foreach (var ancestor in node.Predecessors)
            {
                pending.Push((ancestor, node.Wid));
            }
        }

        return false;
    }

    private static EctError? ListError(EctPayload task, DagOptions options)
    {
        var preds = task.Predecessors;
        if (options.MaxPredLength > 0 && preds.Count > options.MaxPredLength)
        {
            return new EctError(EctErrorCode.DagTooManyPreds,
                $"{task.Draft.PredClaim()} has {preds.Count} predecessors, over max_pred_length ({options.MaxPredLength})");
        }

        // Stryker disable once Logical,Boolean : DAG-7 allows accepting a repeated predecessor; one predecessor has none
        if (options.RejectDuplicatePredecessors && /* Stryker disable once Equality : one predecessor has no duplicate */ preds.Count > 1)
        {
            var duplicate = FindDuplicate(preds);
            // Stryker disable once Block : DAG-7 allows accepting a repeated predecessor
            if (duplicate is not null)
            {
                ProfileChoiceLog.Touch(ProfileChoice.DuplicatePredecessor);
                return new EctError(EctErrorCode.DagDuplicatePred, $"{task.Draft.PredClaim()} lists {duplicate} more than once");
            }
        }

        return null;
    }

    private static string? FindDuplicate(IReadOnlyList<string> preds)
    {
        if (/* Stryker disable once Equality,Boolean : both searches find the same duplicate */ preds.Count <= 8)
        {
            for (var i = 1; i < preds.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    // Stryker disable once Block : DAG-7 allows accepting a repeated predecessor
                    if (string.Equals(preds[i], preds[j], StringComparison.Ordinal))
                    {
                        return preds[i];
                    }
                }
            }

            return null;
        }

        var seen = new HashSet<string>(preds.Count, StringComparer.Ordinal);
        foreach (var pred in preds)
        {
            // Stryker disable once Block : DAG-7 allows accepting a repeated predecessor
            if (!seen.Add(pred))
            {
                return pred;
            }
        }

        return null;
    }

    private static EctError? CheckAcyclic(EctPayload task, IEctStore store, DagOptions options)
    {
        foreach (var pred in task.Predecessors)
        {
            if (string.Equals(pred, task.Jti, StringComparison.Ordinal))
            {
                return new EctError(EctErrorCode.DagCycle, $"task {task.Jti} lists itself as a predecessor");
            }
        }

        // Stryker disable once Block : it only walks more, and the walk finds a cycle only where there is one
        if (!store.IsReferenced(task.Jti, task.Wid))
        {
            return null;
        }

        // Tasks, not jtis, are visited: the same jti names different tasks in different workflows.
        var visited = new HashSet<EctPayload>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(string Jti, string? Wid)>();
        foreach (var pred in task.Predecessors)
        {
            pending.Push((pred, task.Wid));
        }

        while (pending.TryPop(out var next))
        {
            var node = store.FindPredecessor(next.Jti, next.Wid);

            // Once appended, the task is what a reference to its jti resolves to from its own workflow, or from anywhere
            // no stored task of that jti is found first; elsewhere the reference names that stored task, not this one.
            if (string.Equals(next.Jti, task.Jti, StringComparison.Ordinal) && (node is null || string.Equals(next.Wid, task.Wid, StringComparison.Ordinal)))
            {
                return new EctError(EctErrorCode.DagCycle, $"task {task.Jti} is its own ancestor");
            }

            if (node is null || !visited.Add(node))
            {
                continue;
            }

            // Stryker disable once Block : DAG-5 allows a walk past max_ancestors (acceptance, or the verdict the whole walk finds), and the store bounds it
            if (visited.Count > options.MaxAncestors)
            {
                ProfileChoiceLog.Touch(ProfileChoice.TraversalLimit);
                return new EctError(EctErrorCode.DagTraversalLimit,
                    $"the ancestor walk passed max_ancestors ({options.MaxAncestors}) before it could rule out a cycle");
            }

            foreach (var ancestor in node.Predecessors)
            {
                pending.Push((ancestor, node.Wid));
            }
        }

        return null;
    }
}
