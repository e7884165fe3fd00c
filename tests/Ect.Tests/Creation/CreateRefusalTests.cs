using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ect.Creation;
using Ect.Errors;
using Ect.Tests.Support;

namespace Ect.Tests.Creation;

/// <summary>
/// Creation answers every payload and key with a result, never another exception (issue 11): values
/// JSON cannot hold, keys that cannot sign ES256, and nodes too deep or too large to copy quickly.
/// </summary>
public class CreateRefusalTests
{
    private static CreateResult Create(JsonObject payload) => EctCreator.Create(payload, TestKeys.AgentA, EctDraft.Draft01, new CreateOptions(), Tokens.Now);

    private static void ExpectRefused(CreateResult result, EctErrorCode code)
    {
        Assert.That(result.Succeeded, Is.False, "created a token");
        Assert.That(result.Error!.Code, Is.EqualTo(code), result.Error.ToString());
    }

    public static IEnumerable<TestCaseData> NonFiniteNumbers()
    {
        foreach (var (name, value) in new[] { ("NaN", double.NaN), ("PositiveInfinity", double.PositiveInfinity), ("NegativeInfinity", double.NegativeInfinity) })
        {
            yield return new TestCaseData("iat", JsonValue.Create(value)).SetName($"NonFiniteIat{name}");
            yield return new TestCaseData("note", JsonValue.Create(value)).SetName($"NonFiniteUnknownClaim{name}");
        }

        yield return new TestCaseData("ect_ext", new JsonObject { ["k"] = new JsonArray(JsonValue.Create(float.NaN)) }).SetName("NonFiniteNestedFloat");
    }

    [TestCaseSource(nameof(NonFiniteNumbers))]
    public void NumberJsonCannotExpressIsMalformed(string claim, JsonNode value)
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload[claim] = value;

        ExpectRefused(Create(payload), EctErrorCode.Malformed);
    }

    [Test]
    public void LoneSurrogateBuiltInCodeInAValueIsMalformed()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["exec_act"] = "review\ud800";

        ExpectRefused(Create(payload), EctErrorCode.Malformed);
    }

    [Test]
    public void LoneSurrogateBuiltInCodeInAMemberNameIsMalformed()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["ect_ext"] = new JsonObject { ["k\udc00"] = "v" };

        ExpectRefused(Create(payload), EctErrorCode.Malformed);
    }

    [Test]
    public void LoneSurrogateInKidIsMalformedInsteadOfAnotherKid()
    {
        var key = TestKeys.AgentA with { Kid = "agent-\ud800" };

        ExpectRefused(EctCreator.Create(Tokens.Payload(EctDraft.Draft01), key, EctDraft.Draft01, new CreateOptions(), Tokens.Now), EctErrorCode.Malformed);
    }

    [Test]
    public void P384ECDsaIsKeyUnknownAsForTheJwk()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        ExpectRefused(EctCreator.Create(Tokens.Payload(EctDraft.Draft01), p384, "agent-a", EctDraft.Draft01, new CreateOptions(), Tokens.Now), EctErrorCode.KeyUnknown);
    }

    [Test]
    public void PublicOnlyECDsaIsKeyUnknownAsForTheJwk()
    {
        using var publicOnly = ECDsa.Create(TestKeys.AgentA.ToPublic().ToECParameters());

        ExpectRefused(EctCreator.Create(Tokens.Payload(EctDraft.Draft01), publicOnly, "agent-a", EctDraft.Draft01, new CreateOptions(), Tokens.Now), EctErrorCode.KeyUnknown);
    }

    [Test]
    public void PrivateP256ECDsaStillSigns()
    {
        using var ecdsa = TestKeys.AgentA.ToECDsa();

        var result = EctCreator.Create(Tokens.Payload(EctDraft.Draft01), ecdsa, "agent-a", EctDraft.Draft01, new CreateOptions(), Tokens.Now);

        Assert.That(result.Succeeded, Is.True, result.Error?.ToString());
        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft01).Check(result.Token));
    }

    [TestCase(257)]
    [TestCase(100_000)]
    public void NodeDeeperThanVerificationReadsIsMalformedAndQuick(int depth)
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["note"] = Nested(depth - 1);
        var watch = Stopwatch.StartNew();

        var result = Create(payload);

        ExpectRefused(result, EctErrorCode.Malformed);
        Assert.That(result.Error!.Message, Does.Contain("deeper than 256"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "bounded before the quadratic copy");
    }

    [Test]
    public void NodeAtTheDepthVerificationReadsIsCreated()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["note"] = Nested(255);

        var result = Create(payload);

        Assert.That(result.Succeeded, Is.True, result.Error?.ToString());
        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft01).Check(result.Token));
    }

    [Test]
    public void PayloadOverTheSizeBoundIsTokenTooLarge()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        // 100,000 strings of ten digits: over 1 MiB as JSON.
        payload["note"] = new JsonArray([.. Enumerable.Range(0, 100_000).Select(i => (JsonNode)JsonValue.Create($"{i:D10}"))]);

        ExpectRefused(Create(payload), EctErrorCode.TokenTooLarge);
    }

    /// <summary>Arrays nested <paramref name="levels"/> deep, built in code (the payload object adds one level).</summary>
    internal static JsonNode Nested(int levels)
    {
        var node = new JsonArray();
        for (var i = 1; i < levels; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }
}
