using Ect.Errors;
using Ect.Ledger;
using Ect.Tests.Support;

namespace Ect.Tests.Ledger;

/// <summary>LDG-1, LDG-2.</summary>
public class LedgerTests
{
    private const string W1 = "11111111-1111-4111-8111-111111111111";

    [Test]
    public void LookupReturnsExactlyWhatWasAppended()
    {
        var ledger = new MemoryLedger();
        var task = Payloads.Task("a", Tokens.Now, W1);
        Assert.That(ledger.TryAppend(task), Is.Null);
        Assert.That(ledger.Find("a", W1), Is.SameAs(task));
        Assert.That(ledger.Find("a", null), Is.Null, "exact scope: no entry without a wid");
        Assert.That(ledger.FindPredecessor("a", null), Is.SameAs(task));
    }

    [Test]
    public void DuplicateAppendFailsAndChangesNothing()
    {
        var ledger = new MemoryLedger();
        var first = Payloads.Task("a", Tokens.Now);
        Assert.That(ledger.TryAppend(first), Is.Null);
        var error = ledger.TryAppend(Payloads.Task("a", Tokens.Now + 5, null, "zzz"));
        Assert.That(error?.Code, Is.EqualTo(EctErrorCode.DagDuplicateJti));
        Assert.That(ledger.Count, Is.EqualTo(1));
        Assert.That(ledger.Find("a", null), Is.SameAs(first));
        Assert.That(ledger.IsReferenced("zzz", null), Is.False, "a refused entry leaves no reference behind");
    }

    [Test]
    public void EntriesKeepAppendOrder()
    {
        var ledger = new MemoryLedger();
        foreach (var jti in new[] { "c", "a", "b" })
        {
            ledger.TryAppend(Payloads.Task(jti, Tokens.Now));
        }

        Assert.That(ledger.Entries().Select(e => e.Jti), Is.EqualTo(new[] { "c", "a", "b" }));
    }

    [Test]
    public void VerifierAppendsOnlyAcceptedTokens()
    {
        var ledger = new MemoryLedger();
        var verifier = Verifiers.Create(EctDraft.Draft01, ledger: ledger);
        var rejected = Tokens.Payload(EctDraft.Draft01);
        rejected["exp"] = Tokens.Now;
        ResultAssert.Rejected(verifier.Check(Tokens.Sign(EctDraft.Draft01, rejected)), EctErrorCode.Expired);
        Assert.That(ledger.Count, Is.Zero);

        var accepted = Tokens.Payload(EctDraft.Draft01);
        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, accepted)));
        Assert.That(ledger.Count, Is.EqualTo(1));
        Assert.That(ledger.Find(accepted["jti"]!.GetValue<string>(), null), Is.Not.Null);
    }

    [Test]
    public void WorkflowBuiltStepByStepThroughTheVerifier()
    {
        var ledger = new MemoryLedger();
        var verifier = Verifiers.Create(EctDraft.Draft01, ledger: ledger);
        var root = Tokens.Payload(EctDraft.Draft01);
        var rootJti = root["jti"]!.GetValue<string>();
        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, root)));
        var child = Tokens.Payload(EctDraft.Draft01, null, rootJti);
        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, child)));
        var orphan = Tokens.Payload(EctDraft.Draft01, null, Tokens.NewJti());
        ResultAssert.Rejected(verifier.Check(Tokens.Sign(EctDraft.Draft01, orphan)), EctErrorCode.DagPredNotFound);
        Assert.That(ledger.Count, Is.EqualTo(2));
    }
}
