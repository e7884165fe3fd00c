using System.Text.Json.Nodes;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>DAG-9: the code a token breaking two rules gets. Verification stages: size, parse, typ, alg, crit, kid/key, signature, claims, replay, DAG; DAG checks: 6, 1, 2, 8, 3, 4. Claim-stage checks have no order: every broken one is listed.</summary>
public sealed class OrderVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "order";

    private const long Now = Fixtures.Now;

    protected override void Define()
    {
        Stages();
        ClaimStage();
        DagChecks();
    }

    private void Stages()
    {
        var both = new[] { "00", "01" };
        Verify("stage::size-before-parse", "300 characters of garbage with max_token_bytes 200: token_too_large, not malformed.")
            .Rules("DAG-9", "PARSE-4").Drafts(both).Option("max_token_bytes", 200).Reject(Raw(new string('!', 300)), "token_too_large");
        Native("stage::size-before-alg", "An alg none token over max_token_bytes (100): token_too_large.", R("DAG-9", "PARSE-4"),
            t => t.Alg("none").SignedBy(Signer.None), ExpectedResult.Invalid("token_too_large"), flags: ["AlgNone"], setup: c => c.Option("max_token_bytes", 100));
        Native("stage::parse-before-typ", "A header with a duplicate alg and no typ: malformed, not typ_invalid.", R("DAG-9", "PARSE-3"),
            t => t.RawHeader("{\"alg\":\"ES256\",\"alg\":\"ES256\",\"kid\":\"agent-a\"}"), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("stage::typ-before-alg", "typ JWT with alg none: typ_invalid.", R("DAG-9", "HDR-1"),
            t => t.Typ("JWT").Alg("none").SignedBy(Signer.None), ExpectedResult.Invalid("typ_invalid"), flags: ["AlgNone"]);
        Native("stage::alg-before-crit", "alg none with an unknown crit: alg_not_allowed.", R("DAG-9", "HDR-2"),
            t => t.Alg("none").Header("crit", new JsonArray("urn:example:x")).Header("urn:example:x", 1).SignedBy(Signer.None), ExpectedResult.Invalid("alg_not_allowed"), flags: ["AlgNone", "CriticalHeader"]);
        Native("stage::crit-before-kid", "An unknown crit and no kid: crit_unsupported.", R("DAG-9", "HDR-4"),
            t => t.NoHeader("kid").Header("crit", new JsonArray("urn:example:x")).Header("urn:example:x", 1), ExpectedResult.Invalid("crit_unsupported"), flags: ["CriticalHeader"]);
        Native("stage::kid-before-signature", "No kid and a zero signature: kid_missing.", R("DAG-9", "HDR-3"),
            t => t.NoHeader("kid").Mutate(Mutations.ZeroRs), ExpectedResult.Invalid("kid_missing"), flags: ["PsychicSignature"]);
        Native("stage::key-before-signature", "An unknown kid and a truncated signature: key_unknown.", R("DAG-9", "HDR-3"),
            t => t.Kid("agent-z").Mutate(Mutations.Truncated), ExpectedResult.Invalid("key_unknown"));
        Native("stage::signature-before-claims", "A token without iss, signed by the attacker: signature_invalid before any claim is read.", R("DAG-9", "SIG-3"),
            t => t.Without("iss").SignedBy(Signer.Es256(Keys.Attacker)), ExpectedResult.Invalid("signature_invalid"));
        Native("stage::signature-before-time", "An expired token with a flipped signature bit: signature_invalid.", R("DAG-9", "SIG-3"),
            t => t.Iat(Now - 700).Exp(Now - 100).Mutate(Mutations.FlippedSignatureBit), ExpectedResult.Invalid("signature_invalid"));
        Scenario("stage::claims-before-replay", "A token reusing an accepted jti for another audience: aud_mismatch, the claim stage comes before replay.", R("DAG-9", "CLM-2"), ["Replay"], (c, v) => c
            .Accept(T(v).Build())
            .Reject(T(v).AudString(Fixtures.Other).Build(), "aud_mismatch"));
        Scenario("stage::replay-before-dag", "A token reusing an accepted jti and naming an unknown predecessor: replay, before the DAG check.", R("DAG-9", "RPL-1"), ["Replay"], (c, v) => c
            .Accept(T(v).Build())
            .Reject(T(v).Pred(9).Build(), "replay"));
        Native("stage::claims-before-dag", "A token without exec_act naming an unknown predecessor: claim_missing.", R("DAG-9", "CLM-6"),
            t => t.Without("exec_act").Pred(9), ExpectedResult.Invalid("claim_missing"));
        Native("stage::claims-before-dag-length", "A token with an invalid wid and 101 predecessors: wid_invalid, the claim stage comes first.", R("DAG-9", "CLM-5"),
            t => t.Wid("workflow-1").Pred(Enumerable.Range(100, 101).ToArray()), ExpectedResult.Invalid("wid_invalid"));
    }

    private void ClaimStage()
    {
        Native("claims::missing-iss-and-bad-jti", "No iss and a jti that is no UUID: either code (claim checks have no order).", R("DAG-9", "CLM-1", "CLM-4"),
            t => t.Without("iss").Jti("task-1"), ExpectedResult.Invalid("claim_missing", "jti_invalid"));
        Native("claims::aud-and-expired", "Another audience and an expired token: either code.", R("DAG-9", "CLM-2", "TIME-1"),
            t => t.AudString(Fixtures.Other).Iat(Now - 700).Exp(Now - 100), ExpectedResult.Invalid("aud_mismatch", "expired"));
        Native("claims::hash-and-wid", "A bad hash and a bad wid: either code.", R("DAG-9", "HASH-1", "CLM-5"),
            t => t.Set("inp_hash", "x").Wid("w"), ExpectedResult.Invalid("hash_invalid", "wid_invalid"));
        Native("claims::ext-and-future", "A 4097-byte extension and an iat 60 s ahead: iat_in_future or ext_too_large in mode 01; in mode 00, where the limit is a SHOULD, iat_in_future or ext_too_large.",
            R("DAG-9", "EXT-1", "TIME-2"), t => t.Ext(ExtensionVectors.OfSize(4097)).Iat(Now + 60).Exp(Now + 660), ExpectedResult.Invalid("ext_too_large", "iat_in_future"), flags: ["ExtensionLimit"]);
    }

    private void DagChecks()
    {
        var child = Now - 10;
        var t0 = Now - 100;
        Dags("dag::length-before-uniqueness", "101 predecessors and a jti already stored: dag_too_many_preds (rule 6 before 1).",
            v => ([PayloadBuilder.Task(v, 1, t0).Build()], PayloadBuilder.Task(v, 1, child, Enumerable.Range(100, 101).ToArray()).Build()), ExpectedResult.Invalid("dag_too_many_preds"));
        Dags("dag::uniqueness-before-existence", "A stored jti and an unknown predecessor: dag_duplicate_jti (rule 1 before 2).",
            v => ([PayloadBuilder.Task(v, 1, t0).Build()], PayloadBuilder.Task(v, 1, child, 9).Build()), ExpectedResult.Invalid("dag_duplicate_jti"));
        Dags("dag::existence-before-workflow", "An unknown predecessor and one from another workflow: dag_pred_not_found (rule 2 before 8).",
            v => ([P(v).Jti(2).Wid(2).Issued(t0).Build()], PayloadBuilder.Task(v, 1, child, 2, 9).Build()), ExpectedResult.Invalid("dag_pred_not_found"));
        Dags("dag::workflow-before-time", "A predecessor of another workflow issued an hour after the child: dag_workflow_mismatch in mode 01 (rule 8 before 3); mode 00 has no rule 8, so dag_temporal_order is also right there.",
            v => ([P(v).Jti(2).Wid(2).Issued(child + 3600).Build()], PayloadBuilder.Task(v, 1, child, 2).Build()),
            ExpectedResult.Invalid("dag_workflow_mismatch"), ExpectedResult.Invalid("dag_workflow_mismatch", "dag_temporal_order"));
        Dags("dag::time-before-cycle", "A predecessor issued an hour after the child that also closes a cycle: dag_temporal_order (rule 3 before 4).",
            v => ([PayloadBuilder.Task(v, 2, child + 3600, 1).Build()], PayloadBuilder.Task(v, 1, child, 2).Build()), ExpectedResult.Invalid("dag_temporal_order"));
        Dags("dag::existence-before-cycle", "A task naming itself and an unknown task: dag_pred_not_found, or dag_cycle for the self-reference.",
            v => ([], PayloadBuilder.Task(v, 1, child, 9, 1).Build()), ExpectedResult.Invalid("dag_pred_not_found", "dag_cycle"));
        Dags("dag::length-before-duplicate-pred", "101 predecessors with one listed twice: dag_too_many_preds (a duplicate entry is only a PROFILE choice).",
            v => ([], PayloadBuilder.Task(v, 1, child, [.. Enumerable.Range(100, 100), 100]).Build()), ExpectedResult.Invalid("dag_too_many_preds"));
    }

    private void Dags(string name, string description, Func<Vocab, (JsonObject[] Store, JsonObject Task)> shape, ExpectedResult in01, ExpectedResult? in00 = null)
    {
        foreach (var v in new[] { Vocab.V01, Vocab.V00 })
        {
            var (store, task) = shape(v);
            Dag(v == Vocab.V01 ? name : name + "-00", v == Vocab.V01 ? description : Form00(description))
                .Rules("DAG-9").Drafts(v.Mode()).Store(store).Task(task, v == Vocab.V01 ? in01 : in00 ?? in01);
        }
    }
}
