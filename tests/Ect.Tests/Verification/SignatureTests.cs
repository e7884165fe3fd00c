using System.Formats.Asn1;
using Ect.Errors;
using Ect.Keys;
using Ect.Tests.Support;
using Ect.Verification;

namespace Ect.Tests.Verification;

/// <summary>SIG-1 … SIG-4.</summary>
public class SignatureTests
{
    private static string Valid() => Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));

    [Test]
    public void ValidSignatureVerifies() => ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft01).Check(Valid()));

    [Test]
    public void AllZeroSignatureIsRejected() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(Tokens.WithSignature(Valid(), new byte[64])), EctErrorCode.SignatureInvalid);

    [Test]
    public void RAtTheCurveOrderIsRejected()
    {
        var signature = Tokens.SignatureOf(Valid());
        Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551").CopyTo(signature, 0);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(Tokens.WithSignature(Valid(), signature)), EctErrorCode.SignatureInvalid);
        Assert.That(Es256.CheckStructure(signature), Does.Contain("r is not below the curve order"));
    }

    [Test]
    public void ZeroSIsRejected()
    {
        var signature = Tokens.SignatureOf(Valid());
        Array.Clear(signature, 32, 32);
        Assert.That(Es256.CheckStructure(signature), Is.EqualTo("signature s is zero"));
    }

    [Test]
    public void DerEncodedSignatureIsRejected()
    {
        var token = Valid();
        var raw = Tokens.SignatureOf(token);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(raw.AsSpan(0, 32));
            writer.WriteIntegerUnsigned(raw.AsSpan(32));
        }

        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(Tokens.WithSignature(token, writer.Encode())), EctErrorCode.SignatureInvalid);
    }

    [TestCase(0)]
    [TestCase(63)]
    [TestCase(65)]
    public void WrongLengthIsRejected(int length) =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(Tokens.WithSignature(Valid(), new byte[length])), EctErrorCode.SignatureInvalid);

    [Test]
    public void TamperedPayloadIsRejected()
    {
        var token = Valid();
        var parts = token.Split('.');
        var other = Tokens.Encode(Tokens.Json(Tokens.Payload(EctDraft.Draft01)));
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(parts[0] + "." + other + "." + parts[2]), EctErrorCode.SignatureInvalid);
    }

    [Test]
    public void SignatureByAnotherKnownKeyIsRejected()
    {
        var token = Tokens.Sign(Tokens.Header(EctDraft.Draft01, "agent-a"), Tokens.Payload(EctDraft.Draft01), TestKeys.AgentB);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.SignatureInvalid);
    }

    [Test]
    public void KeyOnAnotherCurveIsKeyUnknown()
    {
        var p384 = new JsonWebKey { Kty = "EC", Crv = "P-384", Kid = "agent-a", X = "AA", Y = "AA" };
        var verifier = new EctVerifier(EctDraft.Draft01, Verifiers.Options, new KeySet([p384]));
        ResultAssert.Rejected(verifier.VerifyUnguarded(Valid(), Tokens.Now), EctErrorCode.KeyUnknown);
    }

    [Test]
    public void SymmetricKeyUnderTheKidIsKeyUnknown()
    {
        var oct = new JsonWebKey { Kty = "oct", Kid = "agent-a", Other = new Dictionary<string, string> { ["k"] = "c2VjcmV0" } };
        var verifier = new EctVerifier(EctDraft.Draft01, Verifiers.Options, new KeySet([oct]));
        ResultAssert.Rejected(verifier.VerifyUnguarded(Valid(), Tokens.Now), EctErrorCode.KeyUnknown);
    }

    [Test]
    public void PointNotOnTheCurveIsKeyUnknown()
    {
        var bad = TestKeys.AgentA.ToPublic() with { Y = TestKeys.AgentA.X };
        var verifier = new EctVerifier(EctDraft.Draft01, Verifiers.Options, new KeySet([bad]));
        ResultAssert.Rejected(verifier.VerifyUnguarded(Valid(), Tokens.Now), EctErrorCode.KeyUnknown);
    }
}
