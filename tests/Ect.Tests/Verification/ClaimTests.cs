using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Tests.Support;

namespace Ect.Tests.Verification;

/// <summary>CLM-1 … CLM-9.</summary>
public class ClaimTests
{
    private static void Expect(EctDraft draft, Action<JsonObject> edit, EctErrorCode? expected)
    {
        var payload = Tokens.Payload(draft);
        edit(payload);
        var result = Verifiers.Create(draft).Check(Tokens.Sign(draft, payload));
        if (expected is null)
        {
            ResultAssert.Accepted(result);
        }
        else
        {
            ResultAssert.Rejected(result, expected.Value);
        }
    }

    [TestCase(EctDraft.Draft00, "iss")]
    [TestCase(EctDraft.Draft01, "iss")]
    [TestCase(EctDraft.Draft01, "aud")]
    [TestCase(EctDraft.Draft01, "iat")]
    [TestCase(EctDraft.Draft01, "exp")]
    [TestCase(EctDraft.Draft01, "jti")]
    [TestCase(EctDraft.Draft01, "exec_act")]
    [TestCase(EctDraft.Draft01, "pred")]
    [TestCase(EctDraft.Draft00, "par")]
    public void RequiredClaimMissing(EctDraft draft, string claim)
    {
        var payload = Tokens.Payload(draft);
        payload.Remove(claim);
        var result = Verifiers.Create(draft).Check(Tokens.Sign(draft, payload));
        ResultAssert.Rejected(result, EctErrorCode.ClaimMissing);
        Assert.That(result.Error!.Message, Does.Contain(claim));
    }

    [TestCase("iss", "")]
    [TestCase("iss", 7)]
    [TestCase("jti", "")]
    [TestCase("exec_act", "")]
    [TestCase("exec_act", true)]
    [TestCase("iat", "1767225590")]
    [TestCase("exp", 1767226190.5)]
    [TestCase("pred", "a")]
    [TestCase("wid", 5)]
    public void WrongTypeOrEmptyValueIsClaimInvalid(string claim, object value) =>
        Expect(EctDraft.Draft01, p => p[claim] = JsonValue.Create(value), EctErrorCode.ClaimInvalid);

    [Test]
    public void PredWithANonStringElementIsClaimInvalid() =>
        Expect(EctDraft.Draft01, p => p["pred"] = new JsonArray(1), EctErrorCode.ClaimInvalid);

    [Test]
    public void AudAsAStringMatches() => Expect(EctDraft.Draft01, p => p["aud"] = Tokens.Verifier, null);

    [Test]
    public void AudArrayWithTheVerifierAmongOthersMatches() =>
        Expect(EctDraft.Draft01, p => p["aud"] = new JsonArray("spiffe://example.com/system/ledger", Tokens.Verifier), null);

    [Test]
    public void AudWithoutTheVerifierIsMismatch() => Expect(EctDraft.Draft01, p => p["aud"] = "spiffe://example.com/agent/c", EctErrorCode.AudMismatch);

    [Test]
    public void EmptyAudArrayNeverMatches() => Expect(EctDraft.Draft01, p => p["aud"] = new JsonArray(), EctErrorCode.AudMismatch);

    [Test]
    public void AudIsComparedExactly() => Expect(EctDraft.Draft01, p => p["aud"] = Tokens.Verifier.ToUpperInvariant(), EctErrorCode.AudMismatch);

    [Test]
    public void AudArrayWithANumberIsClaimInvalid() => Expect(EctDraft.Draft01, p => p["aud"] = new JsonArray(Tokens.Verifier, 3), EctErrorCode.ClaimInvalid);

    [Test]
    public void JtiThatIsNotAUuidIsRejected() => Expect(EctDraft.Draft01, p => p["jti"] = "task-001", EctErrorCode.JtiInvalid);

    [Test]
    public void UppercaseUuidIsAccepted() => Expect(EctDraft.Draft01, p => p["jti"] = Tokens.NewJti().ToUpperInvariant(), null);

    [Test]
    public void NonUuidJtiIsAcceptedWhenUuidValidationIsOff()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["jti"] = "task-001";
        var verifier = Verifiers.Create(EctDraft.Draft01, Verifiers.Options with { ValidateUuids = false });
        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, payload)));
    }

    [Test]
    public void WidThatIsNotAUuidIsRejected() => Expect(EctDraft.Draft01, p => p["wid"] = "workflow-1", EctErrorCode.WidInvalid);

    [Test]
    public void UnknownClaimsAreIgnored() => Expect(EctDraft.Draft01, p =>
    {
        p["x-custom"] = new JsonObject { ["deep"] = new JsonArray(1, 2, 3) };
        p["nbf"] = "not even a number";
    }, null);

    [TestCase("approved")]
    [TestCase("rejected")]
    [TestCase("pending_human_review")]
    public void PolicyPairIsAcceptedInMode00(string decision) => Expect(EctDraft.Draft00, p =>
    {
        p["pol"] = "policy_v1";
        p["pol_decision"] = decision;
    }, null);

    [Test]
    public void PolWithoutDecisionIsPolPair() => Expect(EctDraft.Draft00, p => p["pol"] = "policy_v1", EctErrorCode.PolPair);

    [Test]
    public void DecisionWithoutPolIsPolPair() => Expect(EctDraft.Draft00, p => p["pol_decision"] = "approved", EctErrorCode.PolPair);

    [Test]
    public void UnknownDecisionIsPolPair() => Expect(EctDraft.Draft00, p =>
    {
        p["pol"] = "policy_v1";
        p["pol_decision"] = "maybe";
    }, EctErrorCode.PolPair);

    [Test]
    public void TopLevelPolicyIsIgnoredInMode01() => Expect(EctDraft.Draft01, p => p["pol"] = "policy_v1", null);

    [Test]
    public void SubEqualToIssIsAcceptedInMode00() => Expect(EctDraft.Draft00, p => p["sub"] = Tokens.Issuer, null);

    [Test]
    public void SubDifferentFromIssIsRejectedInMode00() => Expect(EctDraft.Draft00, p => p["sub"] = "spiffe://other", EctErrorCode.SubMismatch);

    [Test]
    public void SubIsIgnoredInMode01() => Expect(EctDraft.Draft01, p => p["sub"] = "spiffe://other", null);

    [Test]
    public void ExecJwtWithParInsteadOfPredIsClaimMissing()
    {
        var payload = Tokens.Payload(EctDraft.Draft00, null, Tokens.NewJti());
        var result = Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(Tokens.Header(EctDraft.Draft01), payload));
        ResultAssert.Rejected(result, EctErrorCode.ClaimMissing);
        Assert.That(result.Error!.Message, Does.Contain("par"));
    }

    [Test]
    public void AcceptedPayloadIsTyped()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["wid"] = Tokens.Wid;
        payload["aud"] = Tokens.Verifier;
        var result = Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(EctDraft.Draft01, payload));
        ResultAssert.Accepted(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Payload!.Issuer, Is.EqualTo(Tokens.Issuer));
            Assert.That(result.Payload.Audience, Is.EqualTo(new[] { Tokens.Verifier }));
            Assert.That(result.Payload.Wid, Is.EqualTo(Tokens.Wid));
            Assert.That(result.Payload.Predecessors, Is.Empty);
            Assert.That(JsonNode.DeepEquals(result.Payload.ToJsonObject(), payload), Is.True);
        });
    }
}
