using System.Text.Json.Nodes;
using Ect.Choices;
using Ect.Creation;
using Ect.Ledger;
using Ect.Tests.Support;

namespace Ect.Tests.Choices;

/// <summary>The engine reports the optional choices of the profile a verification touched, and only those.</summary>
public sealed class ProfileChoiceLogTests
{
    [Test]
    public void AnHonestTokenTouchesNoChoice()
    {
        using var scope = ProfileChoiceLog.Observe();
        var result = Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01)));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(scope.Touched, Is.EqualTo(ProfileChoice.None));
        });
    }

    [TestCase("EXEC+JWT", true)]
    [TestCase("application/exec+jwt", true)]
    [TestCase("exec+jwt ", false)]
    [TestCase("jwt", false)]
    public void TypVariantsOfTheMediaTypeAreAChoice(string typ, bool touched)
    {
        var header = Tokens.Header(EctDraft.Draft01);
        header["typ"] = typ;
        using var scope = ProfileChoiceLog.Observe();
        _ = Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(header, Tokens.Payload(EctDraft.Draft01)));
        Assert.That(scope.Touched.HasFlag(ProfileChoice.TypMediaTypeVariant), Is.EqualTo(touched));
    }

    [Test]
    public void AFractionalIatIsAChoice()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["iat"] = JsonValue.Create(Tokens.Now - 10.5);
        using var scope = ProfileChoiceLog.Observe();
        _ = Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(EctDraft.Draft01, payload));
        Assert.That(scope.Touched, Is.EqualTo(ProfileChoice.InexactNumericDate));
    }

    [Test]
    public void CreatingFromAFractionalIatIsAChoice()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload.Remove("exp");
        payload["iat"] = JsonValue.Create(1.5);
        using var scope = ProfileChoiceLog.Observe();
        var result = EctCreator.Create(payload, TestKeys.AgentA, EctDraft.Draft01, new CreateOptions(), Tokens.Now);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(scope.Touched, Is.EqualTo(ProfileChoice.InexactNumericDate));
        });
    }

    [TestCase("", true)]
    [TestCase("policy-7", false)]
    public void AnEmptyPolicyIsAChoice(string pol, bool touched)
    {
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["pol"] = pol;
        payload["pol_decision"] = "approved";
        using var scope = ProfileChoiceLog.Observe();
        var result = Verifiers.Create(EctDraft.Draft00).Check(Tokens.Sign(EctDraft.Draft00, payload));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.Not.EqualTo(touched));
            Assert.That(scope.Touched.HasFlag(ProfileChoice.EmptyPolicy), Is.EqualTo(touched));
        });
    }

    [TestCase(EctDraft.Draft01, "wid", true)]
    [TestCase(EctDraft.Draft01, "inp_hash", true)]
    [TestCase(EctDraft.Draft01, "out_hash", true)]
    [TestCase(EctDraft.Draft01, "ect_ext", true)]
    [TestCase(EctDraft.Draft00, "ext", true)]
    [TestCase(EctDraft.Draft00, "sub", true)]
    [TestCase(EctDraft.Draft00, "pol", false)]
    public void ANullOptionalClaimIsAChoiceWhereAbsentIsAllowed(EctDraft draft, string claim, bool touched)
    {
        var payload = Tokens.Payload(draft);
        payload[claim] = null;
        using var scope = ProfileChoiceLog.Observe();
        var result = Verifiers.Create(draft).Check(Tokens.Sign(draft, payload));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False, "this engine reads null as a wrong type");
            Assert.That(scope.Touched.HasFlag(ProfileChoice.NullOptionalClaim), Is.EqualTo(touched));
        });
    }

    [Test]
    public void ANullOptionalClaimBehindAnEarlierClaimErrorTouchesNothing()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["iss"] = 7;
        payload["wid"] = null;
        using var scope = ProfileChoiceLog.Observe();
        _ = Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(EctDraft.Draft01, payload));
        Assert.That(scope.Touched, Is.EqualTo(ProfileChoice.None));
    }

    [TestCase("[]", true)]
    [TestCase("[\"b64\"]", false)]
    [TestCase("\"b64\"", false)]
    public void AnEmptyCritListIsAChoice(string crit, bool touched)
    {
        var header = Tokens.Header(EctDraft.Draft01);
        header["crit"] = JsonNode.Parse(crit);
        using var scope = ProfileChoiceLog.Observe();
        var result = Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(header, Tokens.Payload(EctDraft.Draft01)));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(scope.Touched.HasFlag(ProfileChoice.EmptyCriticalList), Is.EqualTo(touched));
        });
    }

    [TestCase(EctDraft.Draft00, true)]
    [TestCase(EctDraft.Draft01, false)]
    public void AnOversizedExtensionIsAChoiceOnlyInMode00(EctDraft draft, bool touched)
    {
        var payload = Tokens.Payload(draft);
        payload[draft.ExtClaim()] = new JsonObject { ["pad"] = new string('p', 5000) };
        using var scope = ProfileChoiceLog.Observe();
        var result = Verifiers.Create(draft).Check(Tokens.Sign(draft, payload));
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(scope.Touched.HasFlag(ProfileChoice.ExtensionLimitInMode00), Is.EqualTo(touched));
        });
    }

    [Test]
    public void ADuplicatePredecessorIsAChoice()
    {
        var ledger = new MemoryLedger();
        var verifier = Verifiers.Create(EctDraft.Draft01, ledger: ledger);
        var root = Tokens.Payload(EctDraft.Draft01);
        Assert.That(verifier.Check(Tokens.Sign(EctDraft.Draft01, root)).IsValid, Is.True);
        var rootJti = root["jti"]!.GetValue<string>();
        using var scope = ProfileChoiceLog.Observe();
        _ = verifier.Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01, null, rootJti, rootJti)));
        Assert.That(scope.Touched, Is.EqualTo(ProfileChoice.DuplicatePredecessor));
    }

    [Test]
    public void ANonCanonicalSegmentIsAChoice()
    {
        var token = Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01));
        var signatureStart = token.LastIndexOf('.') + 1;
        // 64 signature bytes are 86 characters, whose last holds 4 unused bits: set one.
        var last = token[^1];
        var bumped = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".IndexOf(last) | 1)];
        Assert.That(token.Length - signatureStart, Is.EqualTo(86));
        using var scope = ProfileChoiceLog.Observe();
        _ = Verifiers.Create(EctDraft.Draft01).Check(token[..^1] + bumped);
        Assert.That(scope.Touched, Is.EqualTo(ProfileChoice.NonCanonicalBase64));
    }

    [Test]
    public void NothingIsRecordedWithoutAnObservation()
    {
        var header = Tokens.Header(EctDraft.Draft01);
        header["typ"] = "EXEC+JWT";
        _ = Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(header, Tokens.Payload(EctDraft.Draft01)));
        using var scope = ProfileChoiceLog.Observe();
        Assert.That(scope.Touched, Is.EqualTo(ProfileChoice.None));
    }

    [Test]
    public void AnInnerObservationSeesOnlyItsOwnAndTheOuterSeesBoth()
    {
        using var outer = ProfileChoiceLog.Observe();
        ProfileChoiceLog.Touch(ProfileChoice.TraversalLimit);
        using (var inner = ProfileChoiceLog.Observe())
        {
            ProfileChoiceLog.Touch(ProfileChoice.DuplicatePredecessor);
            Assert.That(inner.Touched, Is.EqualTo(ProfileChoice.DuplicatePredecessor));
        }

        Assert.That(outer.Touched, Is.EqualTo(ProfileChoice.TraversalLimit | ProfileChoice.DuplicatePredecessor));
    }

    [TestCase("p", 4090, false)]
    [TestCase("é", 2044, true)]
    [TestCase("\\u00e9", 682, true)]
    public void AnExtensionNearTheLimitSpelledWithNonAsciiOrEscapesIsAChoice(string unit, int count, bool touched)
    {
        // {"p":"..."} frames the text in 8 bytes; 4090 ASCII letters make 4098, over 4096 whatever the serializer.
        var payload = Tokens.Payload(EctDraft.Draft01);
        var text = string.Concat(Enumerable.Repeat(unit, count));
        var payloadJson = Tokens.Json(payload)[..^1] + ",\"ect_ext\":{\"p\":\"" + text + "\"}}";
        using var scope = ProfileChoiceLog.Observe();
        _ = Verifiers.Create(EctDraft.Draft01).Check(Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft01)), payloadJson, TestKeys.AgentA));
        Assert.That(scope.Touched.HasFlag(ProfileChoice.ExtensionSpelling), Is.EqualTo(touched));
    }
}
