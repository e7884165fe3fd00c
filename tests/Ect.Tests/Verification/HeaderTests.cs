using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Keys;
using Ect.Parsing;
using Ect.Tests.Support;

namespace Ect.Tests.Verification;

/// <summary>HDR-1 … HDR-4: typ per mode, the alg allowlist, crit, kid and key resolution.</summary>
public class HeaderTests
{
    private static string WithHeader(EctDraft payloadDraft, Action<JsonObject> edit, JsonWebKey? key = null)
    {
        var header = Tokens.Header(payloadDraft);
        edit(header);
        return Tokens.Sign(header, Tokens.Payload(payloadDraft), key);
    }

    [TestCase(EctDraft.Draft00, "wimse-exec+jwt", true)]
    [TestCase(EctDraft.Draft00, "exec+jwt", false)]
    [TestCase(EctDraft.Draft01, "exec+jwt", true)]
    [TestCase(EctDraft.Draft01, "wimse-exec+jwt", true)]
    [TestCase(EctDraft.Draft01, "JWT", false)]
    [TestCase(EctDraft.Draft01, "act+jwt", false)]
    [TestCase(EctDraft.Draft01, "EXEC+JWT", false)]
    [TestCase(EctDraft.Draft01, "application/exec+jwt", false)]
    [TestCase(EctDraft.Draft01, "exec+jwt ", false)]
    public void TypIsComparedExactlyPerMode(EctDraft mode, string typ, bool accepted)
    {
        // A legacy typ in mode 01 is read through the migration, so the payload uses -00 names then.
        var payloadDraft = mode == EctDraft.Draft01 && typ == EctDrafts.TypLegacy ? EctDraft.Draft00 : mode;
        var token = WithHeader(payloadDraft, h => h["typ"] = typ);
        var result = Verifiers.Create(mode).Check(token);
        if (accepted)
        {
            ResultAssert.Accepted(result);
        }
        else
        {
            ResultAssert.Rejected(result, EctErrorCode.TypInvalid);
        }
    }

    [Test]
    public void MissingTypIsRejected() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(WithHeader(EctDraft.Draft01, h => h.Remove("typ"))), EctErrorCode.TypInvalid);

    [Test]
    public void NumericTypIsRejected() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(WithHeader(EctDraft.Draft01, h => h["typ"] = 1)), EctErrorCode.TypInvalid);

    [Test]
    public void AlgNoneWithEmptySignatureIsRejected()
    {
        var header = Tokens.Header(EctDraft.Draft01);
        header["alg"] = "none";
        var token = Tokens.Encode(Tokens.Json(header)) + "." + Tokens.Encode(Tokens.Json(Tokens.Payload(EctDraft.Draft01))) + ".";
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.AlgNotAllowed);
    }

    [Test]
    public void Hs256SignedWithThePublicKeyAsSecretIsRejected()
    {
        // Key confusion: the attacker HMACs with the verifier's public key bytes as the secret.
        var header = Tokens.Header(EctDraft.Draft01);
        header["alg"] = "HS256";
        var signingInput = Tokens.Encode(Tokens.Json(header)) + "." + Tokens.Encode(Tokens.Json(Tokens.Payload(EctDraft.Draft01)));
        var secret = Encoding.ASCII.GetBytes(TestKeys.AgentA.ToPublic().ToJson());
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        var result = Verifiers.Create(EctDraft.Draft01).Check(signingInput + "." + Base64Url.Encode(mac));
        ResultAssert.Rejected(result, EctErrorCode.AlgNotAllowed);
    }

    [TestCase("ES384")]
    [TestCase("RS256")]
    [TestCase("EdDSA")]
    [TestCase("es256")]
    public void AlgorithmsOutsideTheAllowlistAreRejected(string alg) =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(WithHeader(EctDraft.Draft01, h => h["alg"] = alg)), EctErrorCode.AlgNotAllowed);

    [Test]
    public void MissingAlgIsRejected() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(WithHeader(EctDraft.Draft01, h => h.Remove("alg"))), EctErrorCode.AlgNotAllowed);

    [Test]
    public void AnEmptyAllowlistRejectsEs256()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01, Verifiers.Options with { AllowedAlgorithms = [] });
        ResultAssert.Rejected(verifier.Check(WithHeader(EctDraft.Draft01, _ => { })), EctErrorCode.AlgNotAllowed);
    }

    [Test]
    public void AlgIsCheckedBeforeTheKey()
    {
        // Unknown kid and a forbidden alg: the alg gate comes first (DAG-9 stage order).
        var token = WithHeader(EctDraft.Draft01, h =>
        {
            h["alg"] = "none";
            h["kid"] = "nobody";
        });
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.AlgNotAllowed);
    }

    [Test]
    public void CritIsUnsupported() =>
        ResultAssert.Rejected(
            Verifiers.Create(EctDraft.Draft01).Check(WithHeader(EctDraft.Draft01, h => h["crit"] = new JsonArray("exp"))),
            EctErrorCode.CritUnsupported);

    [Test]
    public void MissingKidIsRejected() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(WithHeader(EctDraft.Draft01, h => h.Remove("kid"))), EctErrorCode.KidMissing);

    [Test]
    public void UnknownKidIsRejected() =>
        ResultAssert.Rejected(
            Verifiers.Create(EctDraft.Draft01).Check(WithHeader(EctDraft.Draft01, h => h["kid"] = "attacker", TestKeys.Attacker)),
            EctErrorCode.KeyUnknown);

    [Test]
    public void EmbeddedJwkIsNeverUsed()
    {
        // The attacker signs with its own key and ships the public half in the header under an unknown kid.
        var token = WithHeader(EctDraft.Draft01, h =>
        {
            h["kid"] = "attacker";
            h["jwk"] = TestKeys.Attacker.ToPublic().ToJsonObject();
        }, TestKeys.Attacker);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.KeyUnknown);
    }

    [Test]
    public void EmbeddedJwkUnderAKnownKidStillVerifiesAgainstTheKeySet()
    {
        var token = WithHeader(EctDraft.Draft01, h => h["jwk"] = TestKeys.Attacker.ToPublic().ToJsonObject(), TestKeys.Attacker);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.SignatureInvalid);
    }

    [Test]
    public void EscapedKidResolvesLikeItsText()
    {
        var header = "{\"alg\":\"ES256\",\"typ\":\"exec+jwt\",\"kid\":\"agent\\u002Da\"}";
        var token = Tokens.SignRaw(header, Tokens.Json(Tokens.Payload(EctDraft.Draft01)), TestKeys.AgentA);
        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft01).Check(token));
    }

    [Test]
    public void EmptyKidIsMissing() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(WithHeader(EctDraft.Draft01, h => h["kid"] = "")), EctErrorCode.KidMissing);
}
