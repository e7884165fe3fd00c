using Ect.Dag;
using Ect.Errors;
using Ect.Ledger;
using Ect.Model;
using Ect.Tests.Support;
using static Ect.Tests.Support.Stores;

namespace Ect.Tests.Dag;

/// <summary>DAG-1 … DAG-10, each asserting its exact code.</summary>
public class DagValidatorTests
{
    private const long T = Tokens.Now;
    private const string W1 = "11111111-1111-4111-8111-111111111111";
    private const string W2 = "22222222-2222-4222-8222-222222222222";

    private static EctError? Validate(EctPayload task, IEctStore store, EctDraft draft = EctDraft.Draft01, DagOptions? options = null) =>
        DagValidator.Validate(task, store, draft, options ?? DagOptions.Default).Error;

    private static void ExpectCode(EctError? error, EctErrorCode code)
    {
        Assert.That(error, Is.Not.Null, $"expected {code.ToWireName()}, but the task was valid");
        Assert.That(error!.Code, Is.EqualTo(code), error.ToString());
    }

    [Test]
    public void RootTaskIsValid() => Assert.That(Validate(Payloads.Task("a", T), Store()), Is.Null);

    [Test]
    public void DuplicateJtiWithoutWidIsRejectedAcrossTheStore() =>
        ExpectCode(Validate(Payloads.Task("a", T), Store(Payloads.Task("a", T - 5, W1))), EctErrorCode.DagDuplicateJti);

    [Test]
    public void DuplicateJtiInTheSameWorkflowIsRejected() =>
        ExpectCode(Validate(Payloads.Task("a", T, W1), Store(Payloads.Task("a", T - 5, W1))), EctErrorCode.DagDuplicateJti);

    [Test]
    public void SameJtiInAnotherWorkflowIsValid() =>
        Assert.That(Validate(Payloads.Task("a", T, W2), Store(Payloads.Task("a", T - 5, W1))), Is.Null);

    [Test]
    public void MissingPredecessorIsRejected() =>
        ExpectCode(Validate(Payloads.Task("b", T, null, "a"), Store()), EctErrorCode.DagPredNotFound);

    [Test]
    public void ExpiredPredecessorIsStillAValidReference()
    {
        var old = Payloads.Task("a", T - 10_000);
        Assert.That(old.ExpiresAt, Is.LessThan(T));
        Assert.That(Validate(Payloads.Task("b", T, null, "a"), Store(old)), Is.Null);
    }

    [Test]
    public void PredecessorWithinTheSkewIsValidAndOneSecondPastIsRejected()
    {
        Assert.That(Validate(Payloads.Task("b", T, null, "a"), Store(Payloads.Task("a", T + 30))), Is.Null);
        ExpectCode(Validate(Payloads.Task("b", T, null, "a"), Store(Payloads.Task("a", T + 31))), EctErrorCode.DagTemporalOrder);
    }

    [Test]
    public void HugeSkewDoesNotWrap()
    {
        // iat + dag_clock_skew past long.MaxValue wrapped negative and made every predecessor too late.
        var options = DagOptions.Default with { ClockSkewSeconds = long.MaxValue };
        Assert.That(Validate(Payloads.Task("b", T, null, "a"), Store(Payloads.Task("a", T + 1_000_000)), options: options), Is.Null);
    }

    [Test]
    public void SelfReferenceIsRejected()
    {
        var error = Validate(Payloads.Task("a", T, null, "a"), Store());
        Assert.That(error!.Code, Is.AnyOf(EctErrorCode.DagCycle, EctErrorCode.DagPredNotFound));
    }

    [Test]
    public void SelfReferenceFoundInAnotherWorkflowIsACycle()
    {
        // "a" exists in W1, so the predecessor lookup from W2 finds it; mode 00 has no workflow check, leaving the cycle rule.
        var store = Store(Payloads.Task(EctDraft.Draft00, "a", T - 5, W1));
        var task = Payloads.Task(EctDraft.Draft00, "a", T, W2, "a");
        ExpectCode(Validate(task, store, EctDraft.Draft00), EctErrorCode.DagCycle);
    }

    [Test]
    public void CycleThroughADanglingReferenceIsDetected()
    {
        // The store holds c -> b -> x, but x was never stored; x now arrives claiming c as predecessor.
        var store = Store(Payloads.Task("b", T - 20, null, "x-missing-at-append"), Payloads.Task("c", T - 10, null, "b"));
        Assert.That(store.IsReferenced("x-missing-at-append", null), Is.True);
        ExpectCode(Validate(Payloads.Task("x-missing-at-append", T, null, "c"), store), EctErrorCode.DagCycle);
    }

    [Test]
    public void DeepCycleIsDetected()
    {
        var tasks = new List<EctPayload> { Payloads.Task("n0", T - 5000, null, "x") };
        for (var i = 1; i < 2000; i++)
        {
            tasks.Add(Payloads.Task($"n{i}", T - 5000 + i, null, $"n{i - 1}"));
        }

        ExpectCode(Validate(Payloads.Task("x", T, null, "n1999"), Store([.. tasks])), EctErrorCode.DagCycle);
    }

    [Test]
    public void WalkPastMaxAncestorsIsTraversalLimit()
    {
        var tasks = new List<EctPayload> { Payloads.Task("n0", T - 5000, null, "x") };
        for (var i = 1; i < 50; i++)
        {
            tasks.Add(Payloads.Task($"n{i}", T - 5000 + i, null, $"n{i - 1}"));
        }

        var options = DagOptions.Default with { MaxAncestors = 10 };
        ExpectCode(Validate(Payloads.Task("x", T, null, "n49"), Store([.. tasks]), options: options), EctErrorCode.DagTraversalLimit);
    }

    [Test]
    public void HonestDeepChainIsNotWalked()
    {
        // A traversal bound of 1 would fail any walk; an honest chain must not need one.
        var ledger = new MemoryLedger();
        var options = DagOptions.Default with { MaxAncestors = 1 };
        var previous = Array.Empty<string>();
        for (var i = 0; i < 500; i++)
        {
            var task = Payloads.Task($"c{i}", T - 1000 + i, null, previous);
            Assert.That(Validate(task, ledger, options: options), Is.Null, $"task {i}");
            Assert.That(ledger.TryAppend(task), Is.Null);
            previous = [task.Jti];
        }
    }

    [Test]
    public void PredecessorCountAtTheLimitIsValidAndOneMoreIsRejected()
    {
        var preds = Enumerable.Range(0, 101).Select(i => $"p{i}").ToArray();
        var store = Store(preds.Select(p => Payloads.Task(p, T - 10)).ToArray());
        Assert.That(Validate(Payloads.Task("child", T, null, preds[..100]), store), Is.Null);
        ExpectCode(Validate(Payloads.Task("child", T, null, preds), store), EctErrorCode.DagTooManyPreds);
        Assert.That(Validate(Payloads.Task("child", T, null, preds), store, options: DagOptions.Default with { MaxPredLength = 0 }), Is.Null);
    }

    [Test]
    public void DuplicatePredecessorIsRejected() =>
        ExpectCode(Validate(Payloads.Task("b", T, null, "a", "a"), Store(Payloads.Task("a", T - 5))), EctErrorCode.DagDuplicatePred);

    [Test]
    public void PredecessorFromAnotherWorkflowIsAMismatchInMode01Only()
    {
        var store = Store(Payloads.Task("a", T - 5, W1));
        ExpectCode(Validate(Payloads.Task("b", T, W2, "a"), store), EctErrorCode.DagWorkflowMismatch);
        var legacyStore = Store(Payloads.Task(EctDraft.Draft00, "a", T - 5, W1));
        Assert.That(Validate(Payloads.Task(EctDraft.Draft00, "b", T, W2, "a"), legacyStore, EctDraft.Draft00), Is.Null);
    }

    [Test]
    public void PredecessorWithoutWidIsAMismatchForAChildWithOne() =>
        ExpectCode(Validate(Payloads.Task("b", T, W1, "a"), Store(Payloads.Task("a", T - 5))), EctErrorCode.DagWorkflowMismatch);

    [Test]
    public void ChecksRunInTheProfileOrder()
    {
        // Duplicate jti and a missing predecessor: uniqueness (1) comes before existence (2).
        ExpectCode(Validate(Payloads.Task("a", T, null, "zz"), Store(Payloads.Task("a", T - 5))), EctErrorCode.DagDuplicateJti);

        // Too many predecessors and a duplicate jti: list length (6) comes first.
        var options = DagOptions.Default with { MaxPredLength = 1 };
        ExpectCode(Validate(Payloads.Task("a", T, null, "p", "q"), Store(Payloads.Task("a", T - 5)), options: options), EctErrorCode.DagTooManyPreds);

        // Workflow mismatch and temporal order: workflow (8) comes before time (3).
        ExpectCode(Validate(Payloads.Task("b", T, W2, "a"), Store(Payloads.Task("a", T + 100, W1))), EctErrorCode.DagWorkflowMismatch);

        // Temporal order and a cycle: time (3) comes before the cycle (4).
        var store = Store(Payloads.Task("c", T + 100, null, "x"));
        ExpectCode(Validate(Payloads.Task("x", T, null, "c"), store), EctErrorCode.DagTemporalOrder);
    }

    [Test]
    public void MultipleRootsAndFanInAreValid()
    {
        var store = Store(Payloads.Task("r1", T - 30, W1), Payloads.Task("r2", T - 20, W1), Payloads.Task("r3", T - 10, W1));
        Assert.That(Validate(Payloads.Task("join", T, W1, "r1", "r2", "r3"), store), Is.Null);
    }
}
