using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>Multi-token verify scenarios: a workflow built step by step through one verifier whose store grows with each accepted token.</summary>
public sealed class WorkflowVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "workflow";

    private const long Now = Fixtures.Now;

    protected override void Define()
    {
        Scenario("build::step-by-step", "Two roots, a fan-out from task 1 to tasks 3 and 4, and task 5 joining 3, 4 and 2 (fan-in) are accepted one after another.",
            R("DAG-2", "DAG-10", "LDG-1"), ["FanIn"], (c, v) => c
                .Accept(Task(v, 1, Now - 60).Build())
                .Accept(Task(v, 2, Now - 55).Build())
                .Accept(Task(v, 3, Now - 50, 1).Build())
                .Accept(Task(v, 4, Now - 45, 1).Build())
                .Accept(Task(v, 5, Now - 10, 3, 4, 2).Build()));
        Scenario("build::child-before-parent", "A task presented before its predecessor is dag_pred_not_found; once the predecessor is accepted, the same task is accepted.",
            R("DAG-2", "RPL-2", "LDG-2"), ["UnknownPredecessor"], (c, v) => c
                .Reject(Task(v, 2, Now - 10, 1).Build(), "dag_pred_not_found")
                .Accept(Task(v, 1, Now - 60).Build())
                .Accept(Task(v, 2, Now - 10, 1).Build()));
        Scenario("replay::mid-workflow", "Task 2 presented a second time is replay; the workflow then goes on with task 3.",
            R("RPL-1", "DAG-9"), ["Replay"], (c, v) =>
            {
                var second = Task(v, 2, Now - 30, 1).Build();
                c.Accept(Task(v, 1, Now - 60).Build()).Accept(second).Reject(second, "replay").Accept(Task(v, 3, Now - 10, 2).Build());
            });
        Scenario("recovery::bad-signature-then-genuine", "A forged task 2 (signature by the attacker) is rejected and does not consume its jti: the genuine task 2 is accepted, then its child.",
            R("RPL-2", "LDG-2", "SIG-3"), ["JtiSquatting"], (c, v) => c
                .Accept(Task(v, 1, Now - 60).Build())
                .Reject(Task(v, 2, Now - 30, 1).ExecAct("delete_prod").SignedBy(Signer.Es256(Keys.Attacker)).Build(), "signature_invalid")
                .Accept(Task(v, 2, Now - 30, 1).Build())
                .Accept(Task(v, 3, Now - 10, 2).Build()));
        Scenario("recovery::dag-failure-then-corrected", "Task 2 naming an unknown predecessor fails the DAG check; the corrected task 2 (same jti) is accepted.",
            R("RPL-2", "LDG-2", "DAG-2"), ["JtiSquatting", "UnknownPredecessor"], (c, v) => c
                .Accept(Task(v, 1, Now - 60).Build())
                .Reject(Task(v, 2, Now - 30, 9).Build(), "dag_pred_not_found")
                .Accept(Task(v, 2, Now - 30, 1).Build()));
        Scenario("store::rejected-leaves-no-trace", "An expired task 1 is rejected and not stored, so task 2 naming it is dag_pred_not_found.",
            R("LDG-2", "TIME-1"), ["UnknownPredecessor"], (c, v) => c
                .Reject(Task(v, 1, Now - 700).Exp(Now - 100).Build(), "expired")
                .Reject(Task(v, 2, Now - 10, 1).Build(), "dag_pred_not_found"));
        Scenario("store::expired-pred", "A stored predecessor that expired a day ago is still a valid reference for a new task.",
            R("DAG-2"), ["ExpiredPredecessor"], (c, v) => c
                .Store(P(v).Jti(1).Iat(Now - 86_400).Exp(Now - 85_800).Build())
                .Accept(Task(v, 2, Now - 10, 1).Build()));
        Scenario("store::cycle-through-dangling-reference", "The store holds task 2 naming task 1 (not yet stored); token 1 naming task 2 would close a cycle: dag_cycle.",
            R("DAG-4"), ["Cycle"], (c, v) => c
                .Store(P(v).Jti(2).Issued(Now - 20).Pred(1).Build())
                .Reject(Task(v, 1, Now - 10, 2).Build(), "dag_cycle"));
        foreach (var vocab in new[] { Vocab.V01, Vocab.V00 })
        {
            var c = Verify(vocab == Vocab.V01 ? "scope::cross-workflow" : "scope::cross-workflow-00",
                    "Task 1 of workflow 2 is accepted; task 2 of workflow 1 naming it is dag_workflow_mismatch in mode 01 and either verdict in mode 00." + (vocab == Vocab.V00 ? " It uses the -00 names." : ""))
                .Rules("DAG-8").Drafts(vocab.Mode()).Flags("CrossWorkflow")
                .Accept(Task(vocab, 1, Now - 60).Wid(2).Build());
            c.Expect(Task(vocab, 2, Now - 10, 1).Build(), vocab == Vocab.V01 ? ExpectedResult.Invalid("dag_workflow_mismatch") : ExpectedResult.Acceptable("dag_workflow_mismatch"));
        }

        Scenario("scope::many-workflows", "The same task ids in two workflows are independent: both workflows are built side by side.",
            R("DAG-1", "RPL-1"), ["DuplicateTask"], (c, v) => c
                .Accept(Task(v, 1, Now - 60).Build())
                .Accept(Task(v, 1, Now - 60).Wid(2).Build())
                .Accept(Task(v, 2, Now - 10, 1).Build())
                .Accept(Task(v, 2, Now - 10, 1).Wid(2).Build()));
    }

    private TokenBuilder Task(Vocab v, int jti, long iat, params int[] preds) => T(v).Jti(jti).Issued(iat).Pred(preds);
}
