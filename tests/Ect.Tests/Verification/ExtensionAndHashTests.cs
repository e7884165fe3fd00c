using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Tests.Support;
using Ect.Verification;

namespace Ect.Tests.Verification;

/// <summary>EXT-1, EXT-2, HASH-1.</summary>
public class ExtensionAndHashTests
{
    private const string Digest = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";

    private static VerificationResult With(EctDraft draft, string claim, JsonNode? value)
    {
        var payload = Tokens.Payload(draft);
        payload[claim] = value;
        return Verifiers.Create(draft).Check(Tokens.Sign(draft, payload));
    }

    /// <summary>An extension object whose compact JSON is exactly <paramref name="bytes"/> bytes: {"com.example.pad":"xxx…"}.</summary>
    private static JsonObject ExtensionOfSize(int bytes)
    {
        const string name = "com.example.pad";
        var overhead = "{\"\":\"\"}".Length + name.Length;
        return new JsonObject { [name] = new string('x', bytes - overhead) };
    }

    private static JsonObject ExtensionOfDepth(int depth)
    {
        var ext = new JsonObject { ["leaf"] = 1 };
        for (var level = 1; level < depth; level++)
        {
            ext = new JsonObject { ["n"] = ext };
        }

        return ext;
    }

    [TestCase(EctDraft.Draft00, "ext")]
    [TestCase(EctDraft.Draft01, "ect_ext")]
    public void ExtensionAtTheSizeLimitIsValidAndOneByteMoreIsTooLarge(EctDraft draft, string claim)
    {
        Assert.That(ExtensionOfSize(4096).ToJsonString(), Has.Length.EqualTo(4096));
        ResultAssert.Accepted(With(draft, claim, ExtensionOfSize(4096)));
        ResultAssert.Rejected(With(draft, claim, ExtensionOfSize(4097)), EctErrorCode.ExtTooLarge);
    }

    [TestCase(EctDraft.Draft00, "ext")]
    [TestCase(EctDraft.Draft01, "ect_ext")]
    public void ExtensionAtTheDepthLimitIsValidAndOneLevelMoreIsTooDeep(EctDraft draft, string claim)
    {
        ResultAssert.Accepted(With(draft, claim, ExtensionOfDepth(5)));
        ResultAssert.Rejected(With(draft, claim, ExtensionOfDepth(6)), EctErrorCode.ExtTooDeep);
    }

    [Test]
    public void ArraysCountAsNestingLevels()
    {
        var ext = new JsonObject { ["a"] = new JsonArray(new JsonArray(new JsonArray(new JsonArray(1)))) };
        Assert.That(ExtensionMeasure.Measure(System.Text.Encoding.UTF8.GetBytes(ext.ToJsonString())).Depth, Is.EqualTo(5));
        ResultAssert.Accepted(With(EctDraft.Draft01, "ect_ext", ext));
        var deeper = new JsonObject { ["a"] = new JsonArray(new JsonArray(new JsonArray(new JsonArray(new JsonArray(1))))) };
        ResultAssert.Rejected(With(EctDraft.Draft01, "ect_ext", deeper), EctErrorCode.ExtTooDeep);
    }

    [Test]
    public void WhitespaceDoesNotCountTowardsTheSize()
    {
        var (size, depth) = ExtensionMeasure.Measure("{ \"a\" : [ 1 , \"b c\" ] }"u8);
        Assert.That(size, Is.EqualTo("{\"a\":[1,\"b c\"]}".Length));
        Assert.That(depth, Is.EqualTo(2));
    }

    [TestCase("ect_ext", "[]")]
    [TestCase("ect_ext", "\"text\"")]
    [TestCase("ect_ext", "null")]
    public void ExtensionThatIsNotAnObjectIsClaimInvalid(string claim, string json) =>
        ResultAssert.Rejected(With(EctDraft.Draft01, claim, JsonNode.Parse(json)), EctErrorCode.ClaimInvalid);

    [Test]
    public void OversizedExtUnderTheOtherDraftsNameIsIgnored() =>
        ResultAssert.Accepted(With(EctDraft.Draft01, "ext", ExtensionOfSize(5000)));

    [TestCase(EctDraft.Draft00)]
    [TestCase(EctDraft.Draft01)]
    public void PlainSha256DigestIsValid(EctDraft draft)
    {
        ResultAssert.Accepted(With(draft, "inp_hash", Digest));
        ResultAssert.Accepted(With(draft, "out_hash", Digest));
    }

    [TestCase(Digest + "=", TestName = "padded")]
    [TestCase("n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCg", TestName = "42 characters")]
    [TestCase("n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg", TestName = "standard alphabet")]
    [TestCase("n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgh", TestName = "non-zero trailing bits")]
    [TestCase("sha-256:" + Digest, TestName = "prefixed in mode 01")]
    public void MalformedDigestIsHashInvalidInMode01(string hash) =>
        ResultAssert.Rejected(With(EctDraft.Draft01, "inp_hash", hash), EctErrorCode.HashInvalid);

    [Test]
    public void PrefixedDigestsAreValidInMode00()
    {
        ResultAssert.Accepted(With(EctDraft.Draft00, "inp_hash", "sha-256:" + Digest));
        ResultAssert.Accepted(With(EctDraft.Draft00, "out_hash", "sha-384:" + new string('A', 64)));
        ResultAssert.Accepted(With(EctDraft.Draft00, "out_hash", "sha-512:" + new string('A', 85) + "A"));
    }

    [Test]
    public void PrefixWithTheWrongLengthIsHashInvalidInMode00()
    {
        ResultAssert.Rejected(With(EctDraft.Draft00, "inp_hash", "sha-384:" + Digest), EctErrorCode.HashInvalid);
        ResultAssert.Rejected(With(EctDraft.Draft00, "inp_hash", "md5:" + Digest), EctErrorCode.HashInvalid);
    }
}
