using System.Text;
using Ect.Errors;
using Ect.Parsing;
using Ect.Tests.Support;

namespace Ect.Tests.Parsing;

/// <summary>PARSE-1 … PARSE-5.</summary>
public class ParsingTests
{
    private static readonly string ValidToken = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));

    [TestCase("", TestName = "empty input")]
    [TestCase("abc", TestName = "one segment of garbage")]
    [TestCase("a.b", TestName = "two segments")]
    [TestCase("a.b.c.d", TestName = "four segments")]
    [TestCase("a.b.c.d.e", TestName = "five segments (JWE)")]
    [TestCase("{\"payload\":\"x\",\"signatures\":[]}", TestName = "JSON serialization")]
    public void NotThreeSegmentsIsMalformed(string token) =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft00).Check(token), EctErrorCode.Malformed);

    [Test]
    public void PaddedSegmentIsMalformed()
    {
        var parts = ValidToken.Split('.');
        var padded = parts[0] + "==." + parts[1] + "." + parts[2];
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(padded), EctErrorCode.Malformed);
    }

    [TestCase('+')]
    [TestCase('/')]
    [TestCase(' ')]
    [TestCase('\n')]
    public void NonBase64UrlCharacterIsMalformed(char bad)
    {
        var token = ValidToken.Insert(5, bad.ToString());
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.Malformed);
    }

    [Test]
    public void NonCanonicalTrailingBitsAreRejected()
    {
        // "eyJ" ... a 2-character tail encodes one byte; a non-zero low nibble in its second character is non-canonical.
        Assert.That(Base64Url.Decode("QQ"), Is.EqualTo(new byte[] { 0x41 }));
        Assert.That(Base64Url.Decode("QR"), Is.Null);
        Assert.That(Base64Url.Decode("QUE"), Is.EqualTo(new byte[] { 0x41, 0x41 }));
        Assert.That(Base64Url.Decode("QUF"), Is.Null);
    }

    [Test]
    public void EmptyHeaderSegmentIsMalformed()
    {
        var token = "." + ValidToken[(ValidToken.IndexOf('.') + 1)..];
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.Malformed);
    }

    [TestCase("[1,2]", TestName = "payload is an array")]
    [TestCase("\"text\"", TestName = "payload is a string")]
    [TestCase("{\"iss\":1} trailing", TestName = "payload has trailing garbage")]
    [TestCase("{\"iss\":1,}", TestName = "payload has a trailing comma")]
    [TestCase("\uFEFF{}", TestName = "payload starts with a byte order mark")]
    public void PayloadThatIsNotOneJsonObjectIsMalformed(string payload)
    {
        var token = Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft01)), payload, TestKeys.AgentA);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.Malformed);
    }

    [Test]
    public void InvalidUtf8IsMalformed()
    {
        var header = Tokens.Encode(Tokens.Json(Tokens.Header(EctDraft.Draft01)));
        var payload = Base64Url.Encode([.. "{\"iss\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(header + "." + payload + ".AAAA"), EctErrorCode.Malformed);
    }

    [Test]
    public void DuplicateAudMembersAreMalformed()
    {
        var payload = Tokens.Json(Tokens.Payload(EctDraft.Draft01));
        var duplicated = payload.Insert(1, "\"aud\":\"spiffe://attacker\",");
        var token = Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft01)), duplicated, TestKeys.AgentA);
        var result = Verifiers.Create(EctDraft.Draft01).Check(token);
        ResultAssert.Rejected(result, EctErrorCode.Malformed);
        Assert.That(result.Error!.Message, Does.Contain("aud"));
    }

    [Test]
    public void DuplicateHeaderMembersAreMalformed()
    {
        var header = "{\"alg\":\"none\",\"alg\":\"ES256\",\"typ\":\"exec+jwt\",\"kid\":\"agent-a\"}";
        var token = Tokens.SignRaw(header, Tokens.Json(Tokens.Payload(EctDraft.Draft01)), TestKeys.AgentA);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.Malformed);
    }

    [Test]
    public void DuplicateNestedMembersAreMalformed()
    {
        var payload = Tokens.Json(Tokens.Payload(EctDraft.Draft01)).TrimEnd('}') + ",\"ect_ext\":{\"a\":1,\"\\u0061\":2}}";
        var token = Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft01)), payload, TestKeys.AgentA);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.Malformed);
    }

    [Test]
    public void OversizedInputIsRejectedBeforeDecoding()
    {
        var options = Verifiers.Options with { MaxTokenBytes = 100 };
        var verifier = Verifiers.Create(EctDraft.Draft01, options);
        ResultAssert.Rejected(verifier.Check(new string('!', 101)), EctErrorCode.TokenTooLarge);
        ResultAssert.Rejected(verifier.Check(new string('!', 100)), EctErrorCode.Malformed);
        ResultAssert.Rejected(verifier.Check(new string('é', 60)), EctErrorCode.TokenTooLarge); // 120 UTF-8 bytes
    }

    [Test]
    public void DeepNestingIsMalformedWithoutCrashing()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var token = Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft01)), "{\"x\":" + deep + "}", TestKeys.AgentA);
        var options = Verifiers.Options with { MaxTokenBytes = 1_000_000 };
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01, options).Check(token), EctErrorCode.Malformed);
    }

    [Test]
    public void HugeNumbersDoNotCrash()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        var text = payload.ToJsonString().Replace($"\"exp\":{Tokens.Now + 590}", "\"exp\":1e999999", StringComparison.Ordinal);
        var token = Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft01)), text, TestKeys.AgentA);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.ClaimInvalid);
    }

    [Test]
    public void NullTokenIsMalformed() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(null), EctErrorCode.Malformed);

    [Test]
    public void ParserReturnsTheDecodedParts()
    {
        var parsed = JwsParser.Parse(ValidToken, 65_536);
        Assert.That(parsed.Error, Is.Null);
        var jws = parsed.Value!;
        Assert.That(Encoding.UTF8.GetString(jws.Header), Does.Contain("\"typ\":\"exec+jwt\""));
        Assert.That(jws.Signature, Has.Length.EqualTo(64));
        Assert.That(jws.SigningInput.ToString(), Is.EqualTo(ValidToken[..ValidToken.LastIndexOf('.')]));
    }
}
