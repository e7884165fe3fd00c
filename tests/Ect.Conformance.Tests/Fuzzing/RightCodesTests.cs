using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// The oracle expects every code DAG-9 allows: a case breaking claim rules (which have no order) may
/// carry any of their codes, one breaking rules of two stages only the earlier stage's.
/// </summary>
public sealed class RightCodesTests
{
    private const string Other = "00000000-0000-4000-8000-0000000000ff";
    private const string Wid = "11111111-1111-4111-8111-111111111111";

    [Test]
    public void TwoBrokenClaimRulesAllowEitherCode()
    {
        var token = FuzzCases.Honest(EctDraft.Draft01);
        token["payload"]!["wid"] = "workflow-1";
        var fuzzCase = FuzzCases.Verify(EctDraft.Draft01, token);
        fuzzCase.Recipe["options"]!["iat_max_age"] = 0;
        Assert.That(Codes(fuzzCase).Single(), Is.EquivalentTo(new[] { "wid_invalid", "iat_too_old" }));
    }

    [Test]
    public void ThreeBrokenClaimRulesAllowEachCode()
    {
        var token = FuzzCases.Honest(EctDraft.Draft01);
        token["payload"]!["jti"] = "task-1";
        token["payload"]!["inp_hash"] = "x";
        token["payload"]!["aud"] = "spiffe://example.com/agent/z";
        Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft01, token)).Single(), Is.EquivalentTo(new[] { "jti_invalid", "hash_invalid", "aud_mismatch" }));
    }

    [Test]
    public void AMissingClaimBesideABadOneAllowsBothCodes()
    {
        var token = FuzzCases.Honest(EctDraft.Draft00);
        token["payload"]!.AsObject().Remove("exec_act");
        token["payload"]!["pol"] = "policy_v1";
        Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft00, token)).Single(), Is.EquivalentTo(new[] { "claim_missing", "pol_pair" }));
    }

    /// <summary>A repair never breaks a rule itself: a token that breaks one claim rule keeps exactly that rule's code.</summary>
    [TestCase("iss", "\"\"", "claim_invalid")]
    [TestCase("aud", "\"spiffe://example.com/agent/z\"", "aud_mismatch")]
    [TestCase("iat", "1767224600", "iat_too_old")]
    [TestCase("iat", "1767225700", "iat_in_future")]
    [TestCase("exp", "1767225600", "expired")]
    [TestCase("jti", "\"task-1\"", "jti_invalid")]
    [TestCase("wid", "\"workflow-1\"", "wid_invalid")]
    [TestCase("exec_act", "7", "claim_invalid")]
    [TestCase("pred", "[1]", "claim_invalid")]
    [TestCase("out_hash", "\"sha-256:x\"", "hash_invalid")]
    [TestCase("ect_ext", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}}}", "ext_too_deep")]
    public void OneBrokenClaimRuleKeepsItsOneCode(string claim, string value, string code)
    {
        var token = FuzzCases.Honest(EctDraft.Draft01, wid: Wid);
        token["payload"]![claim] = JsonNode.Parse(value);
        Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft01, token)).Single(), Is.EqualTo(new[] { code }));
    }

    [Test]
    public void AnExpAtIatThatHasPassedIsAlsoExpired()
    {
        var token = FuzzCases.Honest(EctDraft.Draft01);
        token["payload"]!["exp"] = token["payload"]!["iat"]!.DeepClone();
        Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft01, token)).Single(), Is.EquivalentTo(new[] { "claim_invalid", "expired" }));
    }

    [Test]
    public void AClaimRuleBehindABadSignatureLeavesOnlyTheSignature()
    {
        var token = FuzzCases.Honest(EctDraft.Draft01);
        token["key"] = FuzzKeys.AgentB;
        token["payload"]!["wid"] = "workflow-1";
        Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft01, token)).Single(), Is.EqualTo(new[] { "signature_invalid" }));
    }

    [Test]
    public void AClaimRuleBeforeADagRuleLeavesOnlyTheClaimCode()
    {
        var token = FuzzCases.Honest(EctDraft.Draft01, preds: Other);
        token["payload"]!["wid"] = "workflow-1";
        Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft01, token)).Single(), Is.EqualTo(new[] { "wid_invalid" }));
    }

    [Test]
    public void AKidThatIsNoStringIsMissingOrUnknownButNoKidIsMissing()
    {
        var number = FuzzCases.Honest(EctDraft.Draft01);
        number["header"]!["kid"] = 7;
        var none = FuzzCases.Honest(EctDraft.Draft01);
        none["header"]!.AsObject().Remove("kid");
        Assert.Multiple(() =>
        {
            Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft01, number)).Single(), Is.EqualTo(new[] { "kid_missing", "key_unknown" }));
            Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft01, none)).Single(), Is.EqualTo(new[] { "kid_missing" }));
        });
    }

    [Test]
    public void AJtiTheStoreHoldsIsAReplayWhileReplayChecksAreOn()
    {
        var inWorkflow = FuzzCases.Honest(EctDraft.Draft01, wid: Wid);
        var unscoped = FuzzCases.Honest(EctDraft.Draft01);
        var fuzzCase = FuzzCases.Verify(EctDraft.Draft01, inWorkflow, unscoped);
        var off = fuzzCase with { Recipe = fuzzCase.Recipe.DeepClone().AsObject() };
        off.Recipe["options"]!["replay_check"] = false;
        var once = FuzzCases.Honest(EctDraft.Draft01);
        var twice = FuzzCases.Verify(EctDraft.Draft01, once, once.DeepClone().AsObject());
        Assert.Multiple(() =>
        {
            Assert.That(Codes(fuzzCase)[1], Is.EqualTo(new[] { "dag_duplicate_jti", "replay" }));
            Assert.That(Codes(off)[1], Is.EqualTo(new[] { "dag_duplicate_jti" }), "without replay checks only the store refuses it");
            Assert.That(Codes(twice)[1], Is.EqualTo(new[] { "replay" }), "a replay comes before the DAG stage");
        });
    }

    [Test]
    public void ADagRefusalOfAJtiAcceptedInAnotherWorkflowIsAlsoAReplay()
    {
        const string jti = "22222222-2222-4222-8222-222222222222";
        const string otherWid = "33333333-3333-4333-8333-333333333333";
        var first = FuzzCases.Honest(EctDraft.Draft01, jti: jti, wid: Wid);
        var again = FuzzCases.Honest(EctDraft.Draft01, jti, otherWid, "44444444-4444-4444-8444-444444444444", "55555555-5555-4555-8555-555555555555");
        var fuzzCase = FuzzCases.Verify(EctDraft.Draft01, first, again);
        fuzzCase.Recipe["options"]!["max_pred_length"] = 1;
        var stale = FuzzCases.Honest(EctDraft.Draft01, jti: jti, wid: Wid);
        stale["payload"]!["exp"] = stale["payload"]!["iat"]!.GetValue<long>() - 1;
        var notAccepted = FuzzCases.Verify(EctDraft.Draft01, stale, again.DeepClone().AsObject());
        notAccepted.Recipe["options"]!["max_pred_length"] = 1;
        Assert.Multiple(() =>
        {
            // RPL-1 lets the replay scope be global, and replay comes before the DAG stage (DAG-9).
            Assert.That(Codes(fuzzCase)[1], Is.EqualTo(new[] { "dag_too_many_preds", "replay" }));
            // RPL-2: a refused token consumes nothing, so the second is no replay.
            Assert.That(Codes(notAccepted)[1], Is.EqualTo(new[] { "dag_too_many_preds" }));
        });
    }

    [Test]
    public void ATaskNamingItselfIsACycleOrAMissingPredecessor()
    {
        var self = "00000000-0000-4000-8000-00000000000a";
        var task = PayloadGenerator.Task(EctDraft.Draft01, self, Wid, FuzzDefaults.Now, [self]);
        var unknown = PayloadGenerator.Task(EctDraft.Draft01, self, Wid, FuzzDefaults.Now, [Other]);
        Assert.Multiple(() =>
        {
            Assert.That(Codes(FuzzCases.Dag(EctDraft.Draft01, task)).Single(), Is.EqualTo(new[] { "dag_pred_not_found", "dag_cycle" }));
            Assert.That(Codes(FuzzCases.Dag(EctDraft.Draft01, unknown)).Single(), Is.EqualTo(new[] { "dag_pred_not_found" }));
            Assert.That(Codes(FuzzCases.Verify(EctDraft.Draft01, FuzzCases.Honest(EctDraft.Draft01, self, Wid, self))).Single(), Is.EqualTo(new[] { "dag_pred_not_found", "dag_cycle" }));
        });
    }

    /// <summary>Without a jti, and with an iat that is no number (from which create cannot fill exp either).</summary>
    [TestCase("{\"iss\":\"a\",\"aud\":\"b\",\"exec_act\":\"x\",\"iat\":true,\"exp\":1767226200}")]
    [TestCase("{\"iss\":\"\\\\\",\"aud\":[],\"iat\":true}")]
    public void ACreatePayloadBreakingTwoClaimRulesAllowsEitherCode(string claims)
    {
        var payload = JsonNode.Parse(claims)!.AsObject();
        var fuzzCase = new FuzzCase
        {
            Id = "fuzz::create::test",
            Operation = CaseOperation.Create,
            Draft = "01",
            What = new Mutation("a test case", ["CRT-3"]),
            Recipe = new JsonObject
            {
                ["now"] = FuzzDefaults.Now,
                ["options"] = new JsonObject(),
                ["key"] = FuzzKeys.Private(FuzzKeys.AgentA),
                ["payload"] = payload,
            },
        };
        Assert.That(Codes(fuzzCase).Single(), Is.EquivalentTo(new[] { "claim_missing", "claim_invalid" }), payload.ToJsonString());
    }

    private static List<IReadOnlyList<string>> Codes(FuzzCase fuzzCase) =>
        [.. Oracle.Ask(fuzzCase)!.Case.Expected.Select(e => e.Verdict == ExpectedVerdict.Invalid ? e.Codes : ["(" + e.Verdict + ")"])];
}
