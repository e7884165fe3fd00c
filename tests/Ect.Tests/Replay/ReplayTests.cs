using Ect.Errors;
using Ect.Ledger;
using Ect.Replay;
using Ect.Tests.Support;
using Ect.Verification;

namespace Ect.Tests.Replay;

/// <summary>RPL-1 … RPL-3 through the verifier, and the bounded cache itself.</summary>
public class ReplayTests
{
    [Test]
    public void SecondPresentationIsAReplay()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01);
        var token = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
        ResultAssert.Accepted(verifier.Check(token));
        ResultAssert.Rejected(verifier.Check(token), EctErrorCode.Replay);
    }

    [Test]
    public void ReplayIsCheckedBeforeTheDag()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01, ledger: new MemoryLedger());
        var token = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
        ResultAssert.Accepted(verifier.Check(token));
        ResultAssert.Rejected(verifier.Check(token), EctErrorCode.Replay);
    }

    [Test]
    public void RejectedTokenDoesNotConsumeItsJti()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01, ledger: new MemoryLedger());
        var jti = Tokens.NewJti();
        var bad = Tokens.Payload(EctDraft.Draft01, jti);
        bad["aud"] = "spiffe://someone-else";
        ResultAssert.Rejected(verifier.Check(Tokens.Sign(EctDraft.Draft01, bad)), EctErrorCode.AudMismatch);
        var forged = Tokens.Sign(Tokens.Header(EctDraft.Draft01), Tokens.Payload(EctDraft.Draft01, jti), TestKeys.Attacker);
        ResultAssert.Rejected(verifier.Check(forged), EctErrorCode.SignatureInvalid);
        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01, jti))));
    }

    [Test]
    public void TokenFailingTheDagDoesNotConsumeItsJti()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01, ledger: new MemoryLedger());
        var jti = Tokens.NewJti();
        ResultAssert.Rejected(verifier.Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01, jti, Tokens.NewJti()))), EctErrorCode.DagPredNotFound);
        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01, jti))));
    }

    [Test]
    public void ReplayScopeIsTheWorkflow()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01);
        var jti = Tokens.NewJti();
        var first = Tokens.Payload(EctDraft.Draft01, jti);
        first["wid"] = "11111111-1111-4111-8111-111111111111";
        var second = Tokens.Payload(EctDraft.Draft01, jti);
        second["wid"] = "22222222-2222-4222-8222-222222222222";
        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, first)));
        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, second)));
        ResultAssert.Rejected(verifier.Check(Tokens.Sign(EctDraft.Draft01, first)), EctErrorCode.Replay);
    }

    [Test]
    public void ReplayCheckCanBeTurnedOff()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01, Verifiers.Options with { ReplayCheck = false });
        var token = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
        ResultAssert.Accepted(verifier.Check(token));
        ResultAssert.Accepted(verifier.Check(token));
    }

    [Test]
    public void CacheForgetsAJtiAfterItsWindow()
    {
        var cache = new MemoryReplayCache(capacity: 10);
        Assert.That(cache.TryRecord("a", null, expiresAt: 100, now: 50), Is.EqualTo(ReplayRecord.Recorded));
        Assert.That(cache.Contains("a", null, 99), Is.True);
        Assert.That(cache.TryRecord("a", null, 200, 99), Is.EqualTo(ReplayRecord.AlreadyRecorded));
        Assert.That(cache.Contains("a", null, 100), Is.False);
        Assert.That(cache.TryRecord("a", null, 200, 100), Is.EqualTo(ReplayRecord.Recorded));
    }

    [Test]
    public void MinimumTtlOutlivesAShortExp()
    {
        var cache = new MemoryReplayCache(capacity: 10, minimumTtlSeconds: 60);
        Assert.That(cache.TryRecord("a", null, expiresAt: 10, now: 0), Is.EqualTo(ReplayRecord.Recorded));
        Assert.That(cache.Contains("a", null, 59), Is.True);
        Assert.That(cache.Contains("a", null, 60), Is.False);
    }

    [Test]
    public void MinimumTtlNearTheEndOfTimeSaturates()
    {
        var cache = new MemoryReplayCache(capacity: 10, minimumTtlSeconds: 60);
        Assert.That(cache.TryRecord("a", null, expiresAt: 0, now: long.MaxValue - 10), Is.EqualTo(ReplayRecord.Recorded));
        Assert.That(cache.Contains("a", null, long.MaxValue - 1), Is.True, "now + ttl wrapped into the past would forget it at once");
    }

    [Test]
    public void FullCacheDropsExpiredEntriesButNeverALiveOne()
    {
        var cache = new MemoryReplayCache(capacity: 3);
        cache.TryRecord("expired", null, 10, 0);
        cache.TryRecord("b", null, 500, 0);
        cache.TryRecord("c", null, 400, 0);
        Assert.That(cache.TryRecord("d", null, 600, now: 20), Is.EqualTo(ReplayRecord.Recorded), "the expired entry makes room");
        Assert.That(cache.Count, Is.EqualTo(3));
        Assert.That(cache.TryRecord("e", null, 700, now: 20), Is.EqualTo(ReplayRecord.Full));
        Assert.That(cache.Refusals, Is.EqualTo(1));
        Assert.That(new[] { "b", "c", "d" }.Select(j => cache.Contains(j, null, 20)), Is.All.True, "no live entry is forgotten");
        Assert.That(cache.TryRecord("e", null, 700, now: 400), Is.EqualTo(ReplayRecord.Recorded), "c's window has passed");
    }

    [Test]
    public void ForgetWithdrawsARecord()
    {
        var cache = new MemoryReplayCache(capacity: 1);
        cache.TryRecord("a", "w", 100, 0);
        cache.Forget("a", "w");
        Assert.That(cache.Contains("a", "w", 0), Is.False);
        Assert.That(cache.TryRecord("b", null, 100, 0), Is.EqualTo(ReplayRecord.Recorded), "a forgotten entry frees its slot");
    }

    [Test]
    public void FullCacheFailsClosedInsteadOfForgettingTheOriginal()
    {
        // 1,000 slots and no ledger: after 1,000 other tokens the original must still be a replay, and the token that
        // finds no room is refused with a message that says why.
        var verifier = new EctVerifier(EctDraft.Draft01, Verifiers.Options, TestKeys.VerifierKeys(), replayCache: new MemoryReplayCache(capacity: 1_000));
        var original = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
        ResultAssert.Accepted(verifier.Check(original));
        for (var i = 0; i < 999; i++)
        {
            ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01))));
        }

        var refused = verifier.Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01)));
        ResultAssert.Rejected(refused, EctErrorCode.Replay);
        Assert.That(refused.Error!.Message, Does.Contain("replay cache is full"));
        ResultAssert.Rejected(verifier.Check(original), EctErrorCode.Replay);
    }

    [Test]
    public void ConcurrentPresentationsAcceptExactlyOne()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01);
        var token = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
        var results = new VerificationResult[64];
        Parallel.For(0, results.Length, i => results[i] = verifier.Check(token));
        Assert.That(results.Count(r => r.IsValid), Is.EqualTo(1));
        Assert.That(results.Where(r => !r.IsValid).Select(r => r.Error!.Code), Is.All.EqualTo(EctErrorCode.Replay));
    }
}
