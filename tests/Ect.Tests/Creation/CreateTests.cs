using System.Text;
using System.Text.Json.Nodes;
using Ect.Creation;
using Ect.Errors;
using Ect.Parsing;
using Ect.Tests.Support;

namespace Ect.Tests.Creation;

/// <summary>CRT-1 … CRT-3.</summary>
public class CreateTests
{
    private static CreateResult Create(JsonObject payload, EctDraft draft = EctDraft.Draft01, CreateOptions? options = null) =>
        EctCreator.Create(payload, TestKeys.AgentA, draft, options ?? new CreateOptions(), Tokens.Now);

    private static JsonObject Minimal() => new()
    {
        ["iss"] = Tokens.Issuer,
        ["aud"] = Tokens.Verifier,
        ["jti"] = Tokens.NewJti(),
        ["exec_act"] = "review_spec",
    };

    [TestCase(EctDraft.Draft00, "wimse-exec+jwt")]
    [TestCase(EctDraft.Draft01, "exec+jwt")]
    public void HeaderHasAlgTypAndKid(EctDraft draft, string typ)
    {
        var result = Create(Minimal(), draft);
        Assert.That(result.Succeeded, Is.True, result.Error?.ToString());
        var header = JsonNode.Parse(Encoding.UTF8.GetString(JwsParser.Parse(result.Token, 65_536).Value!.Header))!.AsObject();
        Assert.That(header["alg"]!.GetValue<string>(), Is.EqualTo("ES256"));
        Assert.That(header["typ"]!.GetValue<string>(), Is.EqualTo(typ));
        Assert.That(header["kid"]!.GetValue<string>(), Is.EqualTo("agent-a"));
    }

    [TestCase(EctDraft.Draft00)]
    [TestCase(EctDraft.Draft01)]
    public void DefaultsAreFilledAndTheTokenVerifies(EctDraft draft)
    {
        var result = Create(Minimal(), draft);
        var verified = Verifiers.Create(draft).Check(result.Token);
        ResultAssert.Accepted(verified);
        Assert.That(verified.Payload!.IssuedAt, Is.EqualTo(Tokens.Now));
        Assert.That(verified.Payload.ExpiresAt, Is.EqualTo(Tokens.Now + 600));
        Assert.That(verified.Payload.Predecessors, Is.Empty);
        Assert.That(verified.Payload.ToJsonObject().ContainsKey(draft.PredClaim()), Is.True);
    }

    [Test]
    public void ExplicitValuesAreKept()
    {
        var payload = Minimal();
        payload["iat"] = Tokens.Now - 5;
        payload["exp"] = Tokens.Now + 60;
        var verified = Verifiers.Create(EctDraft.Draft01).Check(Create(payload, options: new CreateOptions { DefaultExpirySeconds = 1 }).Token);
        Assert.That(verified.Payload!.IssuedAt, Is.EqualTo(Tokens.Now - 5));
        Assert.That(verified.Payload.ExpiresAt, Is.EqualTo(Tokens.Now + 60));
    }

    [Test]
    public void CallersPayloadIsNotModified()
    {
        var payload = Minimal();
        var before = payload.ToJsonString();
        Create(payload);
        Assert.That(payload.ToJsonString(), Is.EqualTo(before));
    }

    [TestCase("iss", EctErrorCode.ClaimMissing)]
    [TestCase("aud", EctErrorCode.ClaimMissing)]
    [TestCase("jti", EctErrorCode.ClaimMissing)]
    [TestCase("exec_act", EctErrorCode.ClaimMissing)]
    public void MissingRequiredClaimIsRefused(string claim, EctErrorCode code)
    {
        var payload = Minimal();
        payload.Remove(claim);
        Assert.That(Create(payload).Error?.Code, Is.EqualTo(code));
    }

    [Test]
    public void InvalidClaimsAreRefusedWithVerificationCodes()
    {
        var badJti = Minimal();
        badJti["jti"] = "task-1";
        var badWid = Minimal();
        badWid["wid"] = "w";
        var badHash = Minimal();
        badHash["inp_hash"] = "sha-256:abc";
        var bigExt = Minimal();
        bigExt["ect_ext"] = new JsonObject { ["k"] = new string('x', 5000) };
        var deepExt = Minimal();
        deepExt["ect_ext"] = JsonNode.Parse("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}}}");
        var manyPreds = Minimal();
        manyPreds["pred"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)$"p{i}").ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(Create(badJti).Error?.Code, Is.EqualTo(EctErrorCode.JtiInvalid));
            Assert.That(Create(badWid).Error?.Code, Is.EqualTo(EctErrorCode.WidInvalid));
            Assert.That(Create(badHash).Error?.Code, Is.EqualTo(EctErrorCode.HashInvalid));
            Assert.That(Create(bigExt).Error?.Code, Is.EqualTo(EctErrorCode.ExtTooLarge));
            Assert.That(Create(deepExt).Error?.Code, Is.EqualTo(EctErrorCode.ExtTooDeep));
            Assert.That(Create(manyPreds).Error?.Code, Is.EqualTo(EctErrorCode.DagTooManyPreds));
        });
    }

    [Test]
    public void ParInMode01IsNotSilentlyTurnedIntoARoot()
    {
        var payload = Minimal();
        payload["par"] = new JsonArray(Tokens.NewJti());
        Assert.That(Create(payload).Error?.Code, Is.EqualTo(EctErrorCode.ClaimMissing));
    }

    [Test]
    public void KeyWithoutPrivatePartIsRefused() =>
        Assert.That(EctCreator.Create(Minimal(), TestKeys.AgentA.ToPublic(), EctDraft.Draft01, new CreateOptions(), Tokens.Now).Error?.Code,
            Is.EqualTo(EctErrorCode.KeyUnknown));

    [Test]
    public void NonAsciiTextIsSignedLiterally()
    {
        var payload = Minimal();
        payload["exec_act"] = "prüfen+freigeben";
        var token = Create(payload).Token!;
        var json = Encoding.UTF8.GetString(JwsParser.Parse(token, 65_536).Value!.Payload);
        Assert.That(json, Does.Contain("prüfen+freigeben"));
        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft01).Check(token));
    }
}
