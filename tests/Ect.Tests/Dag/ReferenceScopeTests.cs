using Ect.Dag;
using Ect.Errors;
using Ect.Ledger;
using Ect.Model;
using Ect.Tests.Support;
using static Ect.Tests.Support.Stores;

namespace Ect.Tests.Dag;

/// <summary>
/// The cycle walk runs only when a stored reference would resolve to the new task
/// (<see cref="IEctStore.IsReferenced"/>). A jti is unique per workflow only, so a reference to
/// jti J made in workflow W1 says nothing about a new task J of workflow W2 while W1's J exists:
/// it keeps naming W1's task. Asking "is J referenced anywhere" walked every ancestor of such a
/// task (267 ms on a 100 × 100 lattice, and dag_traversal_limit for a valid task on a larger one).
/// </summary>
public class ReferenceScopeTests
{
    private const long T = Tokens.Now;
    private const string W1 = "11111111-1111-4111-8111-111111111111";
    private const string W2 = "22222222-2222-4222-8222-222222222222";

    /// <summary>
    /// rows × width tasks of <paramref name="wid"/>: each task of row r names two tasks of row r − 1, so the
    /// number of paths grows exponentially while the number of distinct ancestors stays rows × width.
    /// </summary>
    internal static List<EctPayload> Lattice(EctDraft draft, string prefix, string? wid, int rows, int width)
    {
        var tasks = new List<EctPayload>(rows * width);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < width; c++)
            {
                string[] preds = r == 0 ? [] : [$"{prefix}{r - 1}-{c}", $"{prefix}{r - 1}-{(c + 1) % width}"];
                tasks.Add(Payloads.Task(draft, $"{prefix}{r}-{c}", T - 10_000 + r, wid, preds));
            }
        }

        return tasks;
    }

    internal static string[] TopRow(string prefix, int rows, int width) =>
        Enumerable.Range(0, width).Select(c => $"{prefix}{rows - 1}-{c}").ToArray();

    [Test]
    public void JtiReferencedInAnotherWorkflowIsNotWalked()
    {
        // W1 holds J and a child naming it; W2 holds a 40 × 25 lattice (1,000 tasks). The new J of W2 joins its top row.
        var tasks = Lattice(EctDraft.Draft01, "L", W2, 40, 25);
        tasks.Add(Payloads.Task("J", T - 100, W1));
        tasks.Add(Payloads.Task("child-of-J", T - 50, W1, "J"));
        var store = new CountingStore(Store(tasks));
        var task = Payloads.Task("J", T, W2, TopRow("L", 40, 25));

        var error = DagValidator.Validate(task, store, EctDraft.Draft01, DagOptions.Default with { MaxAncestors = 10 }).Error;

        Assert.That(error, Is.Null, "no reference can resolve to the new task, so no walk can hit the limit");
        Assert.That(store.Lookups, Is.EqualTo(25), "one lookup per predecessor and no walk");
    }

    [Test]
    public void ReferenceResolvingAcrossWorkflowsIsStillWalked()
    {
        // Mode 00: b of W2 names a, which only W1 holds, so b's reference resolves to W1's a. Once a of W2 is stored it
        // resolves to that task instead, and a of W2 naming b closes a cycle.
        var store = Store([Payloads.Task(EctDraft.Draft00, "a", T - 20, W1), Payloads.Task(EctDraft.Draft00, "b", T - 10, W2, "a")]);

        var error = DagValidator.Validate(Payloads.Task(EctDraft.Draft00, "a", T, W2, "b"), store, EctDraft.Draft00, DagOptions.Default).Error;

        Assert.That(error?.Code, Is.EqualTo(EctErrorCode.DagCycle), error?.ToString() ?? "valid");
    }

    [Test]
    public void IsReferencedFollowsResolution()
    {
        var ledger = Store([Payloads.Task(EctDraft.Draft00, "a", T - 20, W1), Payloads.Task(EctDraft.Draft00, "b", T - 10, W1, "a", "unstored")]);

        Assert.Multiple(() =>
        {
            Assert.That(ledger.IsReferenced("a", W2), Is.False, "W1's reference keeps naming W1's a");
            Assert.That(ledger.IsReferenced("unstored", W2), Is.True, "a new task would be the first 'unstored' and W1's reference would name it");
            Assert.That(ledger.IsReferenced("unstored", null), Is.True);
            Assert.That(ledger.IsReferenced("b", W1), Is.False, "nothing names b");
        });
    }

    [Test]
    public void DiamondLatticeIsCountedByDistinctAncestors()
    {
        // 30 rows of 10: 300 distinct ancestors and about 2^29 paths to the bottom row. A dangling reference to the new
        // task forces the walk; with max_ancestors exactly 300 it must be decided, with 299 it may give up.
        var tasks = Lattice(EctDraft.Draft01, "L", W1, 30, 10);
        tasks.Add(Payloads.Task("elsewhere", T - 5, W1, "new"));
        var ledger = Store(tasks);
        var task = Payloads.Task("new", T, W1, TopRow("L", 30, 10));
        var store = new CountingStore(ledger);

        Assert.That(DagValidator.Validate(task, store, EctDraft.Draft01, DagOptions.Default with { MaxAncestors = 300 }).Error, Is.Null);
        Assert.That(store.Lookups, Is.LessThanOrEqualTo(10 + (300 * 2) + 10), "every edge is followed at most once");
        var over = DagValidator.Validate(task, ledger, EctDraft.Draft01, DagOptions.Default with { MaxAncestors = 299 }).Error;
        Assert.That(over?.Code, Is.EqualTo(EctErrorCode.DagTraversalLimit));
    }
}
