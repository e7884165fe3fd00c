using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Keys;
using Ect.Tests.Support;
using Ect.Verification;

namespace Ect.Tests.Keys;

/// <summary>SIG-5 (a JWK that says it is not for verifying ES256 is key_unknown) and one key per kid (issue 11).</summary>
public class KeySetTests
{
    [Test]
    public void TwoKeysUnderOneKidAreRefused()
    {
        var other = TestKeys.AgentB.ToPublic() with { Kid = "agent-a" };

        var e = Assert.Throws<ArgumentException>(() => _ = new KeySet([TestKeys.AgentA.ToPublic(), other]));
        Assert.That(e!.Message, Does.Contain("two keys have kid \"agent-a\""));
    }

    [Test]
    public void TwoKeysUnderOneKidInJsonAreAFormatException()
    {
        var key = TestKeys.AgentA.ToPublic().ToJson();
        using var document = JsonDocument.Parse($"{{\"keys\":[{key},{key}]}}");

        Assert.Throws<FormatException>(() => KeySet.FromJson(document.RootElement));
    }

    public static IEnumerable<TestCaseData> NotForThisUse()
    {
        yield return Case("use", "enc", "has use \"enc\"");
        yield return Case("use", "Sig", "has use \"Sig\"");
        yield return Case("use", 1, "use must be a string");
        yield return Case("key_ops", new JsonArray("sign"), "without verify");
        yield return Case("key_ops", new JsonArray(), "without verify");
        yield return Case("key_ops", "verify", "key_ops must be an array");
        yield return Case("alg", "ES384", "has alg \"ES384\"");
        yield return Case("alg", "none", "has alg \"none\"");
        yield return Case("alg", new JsonArray("ES256"), "alg must be a string");

        static TestCaseData Case(string member, JsonNode value, string reason) =>
            new TestCaseData(member, value, reason).SetName($"{member}_{value.ToJsonString().Replace("\"", "", StringComparison.Ordinal)}");
    }

    [TestCaseSource(nameof(NotForThisUse))]
    public void KeyNotForVerifyingEs256IsKeyUnknown(string member, JsonNode value, string reason)
    {
        using var keys = KeysWith(member, value);

        Assert.That(keys.Resolve("agent-a", out var why), Is.Null);
        Assert.That(why, Does.Contain(reason));
        var token = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
        ResultAssert.Rejected(new EctVerifier(EctDraft.Draft01, Verifiers.Options, keys).Check(token), EctErrorCode.KeyUnknown);
    }

    [TestCase("use", "sig")]
    [TestCase("key_ops", "[\"verify\"]")]
    [TestCase("key_ops", "[\"sign\",\"verify\"]")]
    [TestCase("alg", "ES256")]
    public void KeyForVerifyingEs256StillVerifies(string member, string value)
    {
        using var keys = KeysWith(member, value.StartsWith('[') ? JsonNode.Parse(value)! : JsonValue.Create(value));

        var token = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
        ResultAssert.Accepted(new EctVerifier(EctDraft.Draft01, Verifiers.Options, keys).Check(token));
    }

    private static KeySet KeysWith(string member, JsonNode value)
    {
        var jwk = TestKeys.AgentA.ToPublic().ToJsonObject();
        jwk[member] = value.DeepClone();
        using var document = JsonDocument.Parse(jwk.ToJsonString());
        return new KeySet([JsonWebKey.FromJson(document.RootElement)]);
    }
}
