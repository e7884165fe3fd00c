using Ect.Errors;
using Ect.Ledger;
using Ect.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>
/// Model-based: random sequences of presentations — honest tokens, forgeries under the same
/// <c>jti</c>, replays, dependents before their predecessors — against a verifier with a ledger,
/// compared step by step with a model that is just a set of accepted tasks.
/// </summary>
public class LedgerModelProperties
{
    private sealed record Task(string Jti, int[] Preds, string Honest, string Forged);

    private static Task[] BuildTasks(int[] predChoices)
    {
        var tasks = new Task[predChoices.Length];
        for (var i = 0; i < tasks.Length; i++)
        {
            var jti = $"00000000-0000-4000-8000-{0xA000 + i:x12}";
            var preds = Enumerable.Range(0, i).Where(p => ((predChoices[i] >> p) & 1) == 1).ToArray();
            var payload = Tokens.Payload(EctDraft.Draft01, jti, [.. preds.Select(p => tasks[p].Jti)]);
            tasks[i] = new Task(jti, preds, Tokens.Sign(EctDraft.Draft01, payload),
                Tokens.Sign(Tokens.Header(EctDraft.Draft01), payload, TestKeys.Attacker));
        }

        return tasks;
    }

    [Test]
    public void VerifierAgreesWithASetOfAcceptedTasks()
    {
        var scenarios =
            from count in Gen.Choose(2, 7)
            from predChoices in Gen.ArrayOf(Gen.Choose(0, 127), count)
            from steps in Gen.ArrayOf(Gen.Two(Gen.Choose(0, 1000)))
            select (predChoices, steps);
        PropertyRun.Check("ledger-model", 150, scenarios.ToArbitrary(), scenario =>
        {
            var tasks = BuildTasks(scenario.predChoices);
            var ledger = new MemoryLedger();
            var verifier = Verifiers.Create(EctDraft.Draft01, ledger: ledger);
            var accepted = new List<int>();
            foreach (var (which, kind) in scenario.steps)
            {
                var index = which % tasks.Length;
                var task = tasks[index];
                var forged = kind % 4 == 0;
                EctErrorCode? expected = forged ? EctErrorCode.SignatureInvalid
                    : accepted.Contains(index) ? EctErrorCode.Replay
                    : task.Preds.Any(p => !accepted.Contains(p)) ? EctErrorCode.DagPredNotFound
                    : null;
                var result = verifier.Check(forged ? task.Forged : task.Honest);
                Assert.That(result.Error?.Code, Is.EqualTo(expected), $"step on task {index} (forged: {forged})");
                if (expected is null)
                {
                    accepted.Add(index);
                }
            }

            Assert.That(ledger.Entries().Select(e => e.Jti), Is.EqualTo(accepted.Select(i => tasks[i].Jti)));
        });
    }
}
