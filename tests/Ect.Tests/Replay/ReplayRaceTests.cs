using Ect.Errors;
using Ect.Ledger;
using Ect.Replay;
using Ect.Tests.Support;
using Ect.Verification;

namespace Ect.Tests.Replay;

/// <summary>
/// Concurrent presentations of one token: exactly one is accepted and every other is a replay,
/// whatever the timing. Under load 5 of 14,000 replays were dag_duplicate_jti: a loser passed the
/// replay check before the winner recorded the jti and reached the DAG check after the winner's
/// ledger append. The slow ledger holds that moment open, so the old code fails these tests on
/// almost every round.
/// </summary>
public class ReplayRaceTests
{
    private const int Rounds = 40;
    private const int Racers = 4;

    private static void Race(Func<int, EctVerifier> verifierFor)
    {
        var codes = new List<EctErrorCode>();
        for (var round = 0; round < Rounds; round++)
        {
            var token = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
            var results = new VerificationResult[Racers];
            using var start = new Barrier(Racers);
            var threads = Enumerable.Range(0, Racers).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = verifierFor(i).Check(token);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.That(results.Count(r => r.IsValid), Is.EqualTo(1), $"round {round}: exactly one presentation is accepted");
            codes.AddRange(results.Where(r => !r.IsValid).Select(r => r.Error!.Code));
        }

        Assert.That(codes, Has.Count.EqualTo(Rounds * (Racers - 1)));
        Assert.That(codes, Is.All.EqualTo(EctErrorCode.Replay), string.Join(", ", codes.Distinct()));
    }

    [Test]
    public void EveryLoserIsAReplayWithALedger()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01, ledger: new SlowLedger(new MemoryLedger(), TimeSpan.FromMilliseconds(2)));
        Race(_ => verifier);
    }

    [Test]
    public void EveryLoserIsAReplayAcrossVerifiersSharingLedgerAndCache()
    {
        // Two verifier instances (two commit locks) in front of one ledger and one replay cache, as behind a load balancer.
        var ledger = new SlowLedger(new MemoryLedger(), TimeSpan.FromMilliseconds(2));
        var cache = new MemoryReplayCache();
        var verifiers = Enumerable.Range(0, 2)
            .Select(_ => new EctVerifier(EctDraft.Draft01, Verifiers.Options, TestKeys.VerifierKeys(), ledger, cache))
            .ToArray();
        Race(i => verifiers[i % 2]);
    }

    [Test]
    public void FailedAppendLeavesTheJtiFree()
    {
        // The jti is recorded just before the append; when the append fails the record must be withdrawn (RPL-2).
        var cache = new MemoryReplayCache();
        var verifier = new EctVerifier(EctDraft.Draft01, Verifiers.Options, TestKeys.VerifierKeys(), new RefusingLedger(), cache);
        var payload = Tokens.Payload(EctDraft.Draft01);

        ResultAssert.Rejected(verifier.Check(Tokens.Sign(EctDraft.Draft01, payload)), EctErrorCode.DagDuplicateJti);
        Assert.That(cache.Count, Is.Zero, "a refused token leaves no record");
        Assert.That(cache.Contains(payload["jti"]!.GetValue<string>(), null, Tokens.Now), Is.False);
    }
}
