using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>RPL-1 … RPL-3: replay within the validity window and its scope, rejected tokens not consuming their jti, forgetting after expiry.</summary>
public sealed class ReplayVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "replay";

    private const long Now = Fixtures.Now;

    protected override void Define()
    {
        Scenario("window::same-token-twice", "The same token presented twice: accepted, then replay.", R("RPL-1"), ["Replay"], (c, v) =>
        {
            var token = T(v).Build();
            c.Accept(token).Reject(token, "replay");
        });
        Scenario("window::same-jti-new-content", "A second token reusing an accepted jti with other content is replay (checked before the DAG).", R("RPL-1", "DAG-9"), ["Replay"], (c, v) => c
            .Accept(T(v).Build())
            .Reject(T(v).ExecAct("deploy").Build(), "replay"));
        Scenario("scope::same-jti-without-wid", "Two tokens without wid sharing a jti: the second is replay (global scope).", R("RPL-1"), ["Replay"], (c, v) => c
            .Accept(T(v).NoWid().Build())
            .Reject(T(v).NoWid().ExecAct("deploy").Build(), "replay"));
        Scenario("scope::same-jti-other-workflow", "The same jti in another workflow is a different task: both tokens are accepted.", R("RPL-1", "DAG-1"), ["Replay"], (c, v) => c
            .Accept(T(v).Build())
            .Accept(T(v).Wid(2).Build()));
        Scenario("scope::workflow-then-global", "A jti accepted in workflow 1, then presented without wid (global scope): replay, or dag_duplicate_jti from the store.", R("RPL-1", "DAG-1"), ["Replay"], (c, v) => c
            .Accept(T(v).Build())
            .Reject(T(v).NoWid().Build(), "replay", "dag_duplicate_jti"));
        Scenario("scope::global-then-workflow", "A jti accepted without wid (global scope), then presented in workflow 1: within the workflow it is new, globally it is taken; either verdict.",
            R("RPL-1", "DAG-1"), ["Replay"], (c, v) => c
                .Accept(T(v).NoWid().Build())
                .Allow(T(v).Build(), "replay", "dag_duplicate_jti"));
        Scenario("window::replay-check-off", "With replay_check false the second presentation is still refused by the store: dag_duplicate_jti.", R("RPL-1", "DAG-1", "LDG-1"), ["Replay"], (c, v) =>
        {
            var token = T(v).Build();
            c.Option("replay_check", false).Accept(token).Reject(token, "dag_duplicate_jti");
        });
        Scenario("window::stored-within-window", "A token whose jti the store already holds, within its window: replay (the store records acceptance) or dag_duplicate_jti.", R("RPL-1", "DAG-1"), ["Replay"], (c, v) => c
            .Store(P(v).Build())
            .Reject(T(v).Build(), "replay", "dag_duplicate_jti"));

        Scenario("rejected::bad-audience-does-not-consume", "A token for another audience is rejected and its jti stays free: the right token with that jti is accepted.", R("RPL-2"), ["JtiSquatting"], (c, v) => c
            .Reject(T(v).AudString(Fixtures.Other).Build(), "aud_mismatch")
            .Accept(T(v).Build()));
        Scenario("rejected::expired-does-not-consume", "An expired token is rejected and its jti stays free.", R("RPL-2", "TIME-1"), ["JtiSquatting"], (c, v) => c
            .Reject(T(v).Iat(Now - 700).Exp(Now - 100).Build(), "expired")
            .Accept(T(v).Build()));
        Scenario("rejected::garbage-signature-does-not-consume", "A token with a zero signature is rejected and its jti stays free.", R("RPL-2", "SIG-2"), ["JtiSquatting"], (c, v) => c
            .Reject(T(v).Mutate(Mutations.ZeroRs).Build(), "signature_invalid")
            .Accept(T(v).Build()));
        Scenario("rejected::bad-wid-then-valid", "A token rejected for its wid is not recorded; the valid token with the same jti is accepted, a third presentation is replay.", R("RPL-2", "RPL-1"), ["JtiSquatting", "Replay"], (c, v) =>
        {
            var valid = T(v).Build();
            c.Reject(T(v).Wid("workflow-1").Build(), "wid_invalid").Accept(valid).Reject(valid, "replay");
        });

        Scenario("expiry::original-other-workflow", "The store holds an expired task 1 of workflow 2; a new task 1 of workflow 1 is judged by its own claims and accepted.", R("RPL-3", "DAG-1"), ["Replay"], (c, v) => c
            .Store(P(v).Wid(2).Iat(Now - 1200).Exp(Now - 600).Build())
            .Accept(T(v).Build()));
        Scenario("expiry::original-still-stored", "The store holds task 1, expired; a replay cache may have forgotten it, but the store has not: replay or dag_duplicate_jti.", R("RPL-3", "DAG-1"), ["Replay"], (c, v) => c
            .Store(P(v).Iat(Now - 1200).Exp(Now - 600).Build())
            .Reject(T(v).Build(), "replay", "dag_duplicate_jti"));

        EveryElement();
        NonDefaultOptions();
        MutationFindings();
    }

    /// <summary>Replay against every earlier token of a case, not only the last one accepted.</summary>
    private void EveryElement()
    {
        Scenario("each-element::replay-first-of-three", "Tasks 1, 2 and 3 accepted, then task 1 again: replay. Catches a replay cache that remembers only the last jti.", R("RPL-1"), ["Replay"], (c, v) =>
        {
            var first = T(v).Jti(1).Build();
            c.Accept(first).Accept(T(v).Jti(2).Build()).Accept(T(v).Jti(3).Build()).Reject(first, "replay");
        });
        Scenario("each-element::replay-middle-of-three", "Tasks 1, 2 and 3 accepted, then task 2 again: replay. Catches a replay cache that checks the first and last entries only.", R("RPL-1"), ["Replay"], (c, v) =>
        {
            var second = T(v).Jti(2).Build();
            c.Accept(T(v).Jti(1).Build()).Accept(second).Accept(T(v).Jti(3).Build()).Reject(second, "replay");
        });
        Scenario("each-element::rejected-between-accepted", "Task 1 accepted, a forged task 2 rejected, task 3 accepted, the genuine task 2 accepted, then task 3 again: replay. Catches rejection consuming a jti or the cache losing entries around a rejection.",
            R("RPL-1", "RPL-2"), ["Replay", "JtiSquatting"], (c, v) => c
                .Accept(T(v).Jti(1).Build())
                .Reject(T(v).Jti(2).SignedBy(Signer.Es256(Keys.Attacker)).Build(), "signature_invalid")
                .Accept(T(v).Jti(3).Build())
                .Accept(T(v).Jti(2).Build())
                .Reject(T(v).Jti(3).Build(), "replay"));
    }

    /// <summary>replay_check away from its default, both ways.</summary>
    private void NonDefaultOptions()
    {
        Scenario("option::replay-check-off-distinct", "With replay_check false, three tokens with distinct jtis are each accepted. Catches replay_check false turning verification off or failing closed.", R("RPL-1"), [], (c, v) => c
            .Option("replay_check", false).Accept(T(v).Jti(1).Build()).Accept(T(v).Jti(2).Build()).Accept(T(v).Jti(3).Build()));
        Scenario("option::replay-check-off-no-wid", "With replay_check false, a second token without wid reusing a jti is still dag_duplicate_jti (the store is global without wid). Catches replay_check false also skipping DAG-1.", R("RPL-1", "DAG-1"), ["Replay"], (c, v) => c
            .Option("replay_check", false).Accept(T(v).NoWid().Build()).Reject(T(v).NoWid().ExecAct("deploy").Build(), "dag_duplicate_jti"));
    }

    /// <summary>
    /// Replay windows that a one-step change of the engine's replay check, window arithmetic or cache lookup got wrong
    /// while every vector above still passed (docs/mutation.md).
    /// </summary>
    private void MutationFindings()
    {
        Scenario("window::replay-before-dag-length-limit", "With max_pred_length 2, task 1 accepted as a root, then a token reusing its jti (and wid) with three predecessors: replay, since replay is checked before the DAG stage (DAG-9) and list length is the DAG stage's first check. Catches a verifier that leaves replays to the store's duplicate-jti check (DAG-1), which then answers dag_too_many_preds.",
            R("RPL-1", "DAG-9", "DAG-6"), ["Replay"], (c, v) => c
                .Option("max_pred_length", 2)
                .Accept(T(v).Build())
                .Reject(T(v).Pred(2, 3, 4).Build(), "replay"));
        Scenario("window::leeway-beyond-exp", "With exp_leeway 600, a token whose exp is 100 s after now is accepted, and presented again: replay (its exp has not passed, so its jti is still within its window). Catches a window computed as exp - exp_leeway, which has already ended, so the second presentation reaches the store's duplicate-jti check instead.",
            R("RPL-1", "TIME-1"), ["Replay"], (c, v) =>
            {
                var token = T(v).Iat(Now - 10).Exp(Now + 100).Build();
                c.Option("exp_leeway", 600).Accept(token).Reject(token, "replay");
            });
        Scenario("window::before-1970", "At now -1000 (1969), a token issued at -1000 that expires at -400 is accepted, and presented again: replay. NumericDates before 1970 are ordinary times (CLM-3 reads any integer within 2^53 - 1). Catches a replay cache that takes a fresh jti for a recorded one whose window ends at 0, or any time arithmetic that treats negative times as unset.",
            R("RPL-1", "CLM-3", "TIME-1"), ["Replay", "HugeNumber"], (c, v) =>
            {
                var token = T(v).Iat(-1000).Exp(-400).Build();
                c.Now(-1000).Accept(token).Reject(token, "replay");
            });
    }
}
