using Ect.Choices;
using Ect.Dag;
using Ect.Ledger;
using Ect.Model;
using Ect.Replay;
using Ect.Tests.Support;
using static Ect.Tests.Support.Stores;

namespace Ect.Tests.Choices;

/// <summary>
/// The choices the DAG validator and the replay cache record: each is touched where the profile leaves the
/// engine a choice, and only there. No vector run observes the log, so these tests alone hold that code.
/// </summary>
public sealed class DagAndReplayChoiceTests
{
    private const long T = Tokens.Now;
    private const string W1 = "11111111-1111-4111-8111-111111111111";
    private const string W2 = "22222222-2222-4222-8222-222222222222";

    private static ProfileChoice TouchedByValidating(EctPayload task, IEctStore store, EctDraft draft, DagOptions? options = null)
    {
        using var scope = ProfileChoiceLog.Observe();
        _ = DagValidator.Validate(task, store, draft, options ?? DagOptions.Default);
        return scope.Touched;
    }

    [TestCase(null, true)]
    [TestCase(W2, false)]
    public void AJtiStoredWithoutWorkflowMeetingItInAWorkflowIsAChoice(string? storedWid, bool touched)
    {
        var touchedChoices = TouchedByValidating(Payloads.Task("a", T, W1), Store(Payloads.Task("a", T - 5, storedWid)), EctDraft.Draft01);
        Assert.That(touchedChoices.HasFlag(ProfileChoice.UnscopedJtiInWorkflow), Is.EqualTo(touched));
    }

    [TestCase(EctDraft.Draft00, W2, true)]
    [TestCase(EctDraft.Draft00, W1, false)]
    public void APredecessorFromAnotherWorkflowInMode00IsAChoice(EctDraft draft, string predecessorWid, bool touched)
    {
        var store = Store(Payloads.Task(draft, "a", T - 5, predecessorWid));
        var touchedChoices = TouchedByValidating(Payloads.Task(draft, "b", T, W1, "a"), store, draft);
        Assert.That(touchedChoices.HasFlag(ProfileChoice.CrossWorkflowInMode00), Is.EqualTo(touched));
    }

    [TestCase(2, true)]
    [TestCase(100, false)]
    public void MoreAncestorsThanMaxAncestorsIsAChoice(int maxAncestors, bool touched)
    {
        var store = Store(Payloads.Task("n0", T - 30), Payloads.Task("n1", T - 20, null, "n0"), Payloads.Task("n2", T - 10, null, "n1"));
        var options = DagOptions.Default with { MaxAncestors = maxAncestors };
        var touchedChoices = TouchedByValidating(Payloads.Task("x", T, null, "n2"), store, EctDraft.Draft01, options);
        Assert.That(touchedChoices.HasFlag(ProfileChoice.TraversalLimit), Is.EqualTo(touched));
    }

    [Test]
    public void AWalkStoppedAtMaxAncestorsIsAChoice()
    {
        // A stored reference to x makes the walk run, and it stops undecided after one ancestor, before n0 closes the cycle.
        var store = Store(Payloads.Task("n0", T - 30, null, "x"), Payloads.Task("n1", T - 20, null, "n0"), Payloads.Task("n2", T - 10, null, "n1"));
        var options = DagOptions.Default with { MaxAncestors = 1 };
        using var scope = ProfileChoiceLog.Observe();
        var result = DagValidator.Validate(Payloads.Task("x", T, null, "n2"), store, EctDraft.Draft01, options);
        Assert.Multiple(() =>
        {
            Assert.That(result.Error?.Code, Is.EqualTo(Ect.Errors.EctErrorCode.DagTraversalLimit));
            Assert.That(scope.Touched.HasFlag(ProfileChoice.TraversalLimit), Is.True);
        });
    }

    [TestCase(null, true)]
    [TestCase(W2, false)]
    public void AReplayCacheJtiRecordedWithoutWorkflowAskedForInAWorkflowIsAChoice(string? recordedWid, bool touched)
    {
        var cache = new MemoryReplayCache();
        Assert.That(cache.TryRecord("j", recordedWid, T + 600, T), Is.EqualTo(ReplayRecord.Recorded));
        using var scope = ProfileChoiceLog.Observe();
        Assert.Multiple(() =>
        {
            Assert.That(cache.Contains("j", W1, T), Is.False);
            Assert.That(scope.Touched.HasFlag(ProfileChoice.UnscopedJtiInWorkflow), Is.EqualTo(touched));
        });
    }

    [TestCase(T + 600, true)]
    [TestCase(T + 599, false)]
    public void AJtiAskedForAfterItsWindowIsAChoice(long now, bool touched)
    {
        var cache = new MemoryReplayCache();
        Assert.That(cache.TryRecord("j", W1, T + 600, T), Is.EqualTo(ReplayRecord.Recorded));
        using var scope = ProfileChoiceLog.Observe();
        Assert.Multiple(() =>
        {
            Assert.That(cache.Contains("j", W1, now), Is.Not.EqualTo(touched));
            Assert.That(scope.Touched.HasFlag(ProfileChoice.ReplayAfterWindow), Is.EqualTo(touched));
        });
    }
}
