using Ect.Dag;
using Ect.Errors;
using Ect.Ledger;
using Ect.Model;
using Ect.Tests.Support;
using static Ect.Tests.Support.Stores;

namespace Ect.Tests.Dag;

/// <summary>
/// DAG-4 in a store whose tasks reference across workflows (mode 00 allows it, DAG-8 being
/// acceptable there, and a dag vector's store may hold anything). A reference resolves as
/// <see cref="IEctStore.FindPredecessor"/> says: same workflow first, then any workflow. The
/// task closes a cycle only where a reference would resolve to it once appended. Found by the
/// DAG fuzz target's model (fuzz/regressions/dag): the walk compared jti strings and remembered
/// visited jtis, not tasks, so it saw a cycle through another workflow's task of the same jti and
/// missed one behind a jti it had already visited in another workflow.
/// </summary>
public class CrossWorkflowCycleTests
{
    private const long T = Tokens.Now;

    private static EctPayload Task(string jti, string wid, params string[] preds) => Payloads.Task(EctDraft.Draft00, jti, T, wid, preds);

    [Test]
    public void SameJtiInAnotherWorkflowIsNotTheTask()
    {
        // b (w2) names x, which in w2 is the stored x of w2, not the new x of w1.
        var store = Store(Task("a", "w1", "b"), Task("b", "w2", "x"), Task("x", "w2"));

        Assert.That(DagValidator.Validate(Task("x", "w1", "a"), store, EctDraft.Draft00, DagOptions.Default).Error, Is.Null);
    }

    [Test]
    public void CycleBehindAJtiVisitedInAnotherWorkflowIsFound()
    {
        // a reaches b twice: through m as b of w1 (a root) and through n as b of w2, which names the new task t.
        var store = Store(Task("a", "w1", "n", "m"), Task("m", "w1", "b"), Task("n", "w2", "b"), Task("b", "w1"), Task("b", "w2", "t"));

        var error = DagValidator.Validate(Task("t", "w1", "a"), store, EctDraft.Draft00, DagOptions.Default).Error;

        Assert.That(error?.Code, Is.EqualTo(EctErrorCode.DagCycle), error?.ToString() ?? "valid");
    }

    [Test]
    public void ReferenceFromAnotherWorkflowToAnUnstoredJtiIsTheTask()
    {
        // No x is stored anywhere, so b's x (from w2) resolves to the new task once it is appended.
        var store = Store(Task("a", "w1", "b"), Task("b", "w2", "x"));

        var error = DagValidator.Validate(Task("x", "w1", "a"), store, EctDraft.Draft00, DagOptions.Default).Error;

        Assert.That(error?.Code, Is.EqualTo(EctErrorCode.DagCycle), error?.ToString() ?? "valid");
    }
}
