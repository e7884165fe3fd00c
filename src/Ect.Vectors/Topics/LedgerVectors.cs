using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>LDG-1 and LDG-2: the ledger is append-only and holds only what passed every check.</summary>
public sealed class LedgerVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "ledger";

    private const long Now = Fixtures.Now;

    protected override void Define()
    {
        Scenario("append::then-lookup", "An accepted task is found by its jti: its child is accepted.", R("LDG-1", "LDG-2"), [], (c, v) => c
            .Accept(T(v).Jti(1).Issued(Now - 60).Build())
            .Accept(T(v).Jti(2).Issued(Now - 10).Pred(1).Build()));
        Scenario("append::no-overwrite", "With replay_check false, a second task 1 (issued 55 s later) is dag_duplicate_jti and does not replace the first: a child issued at now - 40 still passes temporal ordering against the first.",
            R("LDG-1", "DAG-1", "DAG-3"), ["DuplicateTask"], (c, v) => c
                .Option("replay_check", false)
                .Accept(T(v).Jti(1).Issued(Now - 60).Build())
                .Reject(T(v).Jti(1).Issued(Now - 5).ExecAct("overwrite").Build(), "dag_duplicate_jti")
                .Accept(T(v).Jti(2).Issued(Now - 40).Pred(1).Build()));
        Scenario("rejected::claims-not-appended", "A task rejected for a missing exec_act is not appended: its child is dag_pred_not_found.", R("LDG-2"), ["UnknownPredecessor"], (c, v) => c
            .Reject(T(v).Jti(1).Issued(Now - 60).Without("exec_act").Build(), "claim_missing")
            .Reject(T(v).Jti(2).Issued(Now - 10).Pred(1).Build(), "dag_pred_not_found"));
        Scenario("rejected::dag-not-appended", "A task rejected by the DAG check is not appended: its child is dag_pred_not_found.", R("LDG-2"), ["UnknownPredecessor"], (c, v) => c
            .Reject(T(v).Jti(2).Issued(Now - 60).Pred(9).Build(), "dag_pred_not_found")
            .Reject(T(v).Jti(3).Issued(Now - 10).Pred(2).Build(), "dag_pred_not_found"));
        Scenario("rejected::replay-not-appended", "A replayed token changes nothing: the store still answers for the first, and the child is accepted.", R("LDG-2", "RPL-1"), ["Replay"], (c, v) =>
        {
            var first = T(v).Jti(1).Issued(Now - 60).Build();
            c.Accept(first).Reject(first, "replay").Accept(T(v).Jti(2).Issued(Now - 10).Pred(1).Build());
        });

        Scenario("each-element::lookup-every-appended", "Tasks 1, 2 and 3 are appended one after another; a task naming all three, first, middle and last, is accepted. Catches a ledger that keeps only its latest entry.",
            R("LDG-1"), [], (c, v) => c
                .Accept(T(v).Jti(1).Issued(Now - 60).Build())
                .Accept(T(v).Jti(2).Issued(Now - 50).Build())
                .Accept(T(v).Jti(3).Issued(Now - 40).Build())
                .Accept(T(v).Jti(4).Issued(Now - 10).Pred(3, 1, 2).Build()));
        Scenario("each-element::rejected-among-appended", "Tasks 1 and 3 accepted, task 2 rejected between them (expired): a task naming 1 and 3 is accepted, one naming 2 is dag_pred_not_found. Catches a rejection that drops or adds entries around it.",
            R("LDG-1", "LDG-2"), ["UnknownPredecessor"], (c, v) => c
                .Accept(T(v).Jti(1).Issued(Now - 60).Build())
                .Reject(T(v).Jti(2).Iat(Now - 700).Exp(Now - 100).Build(), "expired")
                .Accept(T(v).Jti(3).Issued(Now - 40).Build())
                .Accept(T(v).Jti(4).Issued(Now - 10).Pred(1, 3).Build())
                .Reject(T(v).Jti(5).Issued(Now - 10).Pred(2).Build(), "dag_pred_not_found"));
    }
}
