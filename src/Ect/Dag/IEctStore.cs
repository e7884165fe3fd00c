using Ect.Model;

namespace Ect.Dag;

/// <summary>
/// What DAG validation reads: the payloads accepted so far (a ledger, or predecessors received
/// inline). Scoping follows DAG-1: a task with a <c>wid</c> is unique within that workflow, a
/// task without one across the whole store.
/// </summary>
public interface IEctStore
{
    /// <summary>True when <paramref name="jti"/> is taken in the scope of <paramref name="wid"/> (any workflow when null).</summary>
    bool Contains(string jti, string? wid);

    /// <summary>
    /// The task a predecessor reference names, seen from a task in workflow <paramref name="wid"/>:
    /// the task with that <c>jti</c> in the same workflow when there is one, otherwise the first
    /// stored task with that <c>jti</c> in any workflow (so DAG-8 can name the mismatch); null when none.
    /// </summary>
    EctPayload? FindPredecessor(string jti, string? wid);

    /// <summary>
    /// True when some stored task has a predecessor reference that would resolve, by the rule of
    /// <see cref="FindPredecessor"/>, to a new task <paramref name="jti"/> of workflow
    /// <paramref name="wid"/> once that task is stored. Only such a task can close a cycle, so
    /// validation walks ancestors only when this is true. While no task with that <c>jti</c> is
    /// stored, every reference to it qualifies (the new task becomes the first of its <c>jti</c>);
    /// once one is, only references made from workflow <paramref name="wid"/> do, since every other
    /// reference keeps resolving to the task it names now.
    /// </summary>
    bool IsReferenced(string jti, string? wid);
}
