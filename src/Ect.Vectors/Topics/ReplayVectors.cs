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
    }
}
