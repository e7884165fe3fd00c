using Ect.Errors;
using Ect.Tests.Support;

namespace Ect.Tests.Verification;

/// <summary>TIME-1, TIME-2, with both sides of every boundary.</summary>
public class TimeTests
{
    private static Ect.Verification.VerificationResult At(long iat, long exp, Ect.Verification.VerifierOptions? options = null)
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["iat"] = iat;
        payload["exp"] = exp;
        return Verifiers.Create(EctDraft.Draft01, options).Check(Tokens.Sign(EctDraft.Draft01, payload));
    }

    [Test]
    public void ExpOneSecondAheadIsValid() => ResultAssert.Accepted(At(Tokens.Now - 10, Tokens.Now + 1));

    [Test]
    public void ExpEqualToNowIsExpired() => ResultAssert.Rejected(At(Tokens.Now - 10, Tokens.Now), EctErrorCode.Expired);

    [Test]
    public void LeewayExtendsExp()
    {
        var options = Verifiers.Options with { ExpLeewaySeconds = 5 };
        ResultAssert.Accepted(At(Tokens.Now - 10, Tokens.Now - 4, options));
        ResultAssert.Rejected(At(Tokens.Now - 10, Tokens.Now - 5, options), EctErrorCode.Expired);
    }

    [Test]
    public void ExpNotAfterIatIsClaimInvalid()
    {
        ResultAssert.Rejected(At(Tokens.Now, Tokens.Now), EctErrorCode.ClaimInvalid);
        ResultAssert.Rejected(At(Tokens.Now, Tokens.Now - 1), EctErrorCode.ClaimInvalid);
    }

    [Test]
    public void IatExactlyMaxAgeOldIsValid() => ResultAssert.Accepted(At(Tokens.Now - 900, Tokens.Now + 100));

    [Test]
    public void IatOneSecondPastMaxAgeIsTooOld() => ResultAssert.Rejected(At(Tokens.Now - 901, Tokens.Now + 100), EctErrorCode.IatTooOld);

    [Test]
    public void IatExactlyMaxFutureIsValid() => ResultAssert.Accepted(At(Tokens.Now + 30, Tokens.Now + 600));

    [Test]
    public void IatOneSecondPastMaxFutureIsRejected() => ResultAssert.Rejected(At(Tokens.Now + 31, Tokens.Now + 600), EctErrorCode.IatInFuture);

    [Test]
    public void WholeNumberWrittenWithAnExponentIsAccepted()
    {
        var payload = Tokens.Json(Tokens.Payload(EctDraft.Draft01))
            .Replace($"\"exp\":{Tokens.Now + 590}", "\"exp\":1.76722619e9", StringComparison.Ordinal);
        var token = Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft01)), payload, TestKeys.AgentA);
        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft01).Check(token));
    }

    private static string WithExp(string expText)
    {
        var payload = Tokens.Json(Tokens.Payload(EctDraft.Draft01))
            .Replace($"\"exp\":{Tokens.Now + 590}", $"\"exp\":{expText}", StringComparison.Ordinal);
        return Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft01)), payload, TestKeys.AgentA);
    }

    [TestCase("1767226190.0")]
    [TestCase("176722619e1")]
    [TestCase("17672261900e-1")]
    public void IntegralSpellingsAreAccepted(string exp)
    {
        var result = Verifiers.Create(EctDraft.Draft01).Check(WithExp(exp));
        ResultAssert.Accepted(result);
        Assert.That(result.Payload!.ExpiresAt, Is.EqualTo(Tokens.Now + 590));
    }

    [Test]
    public void ExpAtTheSafeLimitIsReadExactly()
    {
        var result = Verifiers.Create(EctDraft.Draft01).Check(WithExp("9007199254740991"));
        ResultAssert.Accepted(result);
        Assert.That(result.Payload!.ExpiresAt, Is.EqualTo(9_007_199_254_740_991L));
    }

    [TestCase("9007199254740992")]
    [TestCase("9007199254740993")]
    [TestCase("1e300")]
    public void ExpPastTheSafeLimitIsRefusedNotRounded(string exp)
    {
        // 2^53 + 1 read through a double is 2^53, which the old bound (±2^53) let through.
        var result = Verifiers.Create(EctDraft.Draft01).Check(WithExp(exp));
        ResultAssert.Rejected(result, EctErrorCode.ClaimInvalid);
        Assert.That(result.Error!.Message, Does.Contain(exp).And.Contain("2^53"));
    }

    [Test]
    public void HugeLeewayDoesNotWrapIntoThePast()
    {
        var options = Verifiers.Options with { ExpLeewaySeconds = long.MaxValue };
        ResultAssert.Accepted(At(Tokens.Now - 10, Tokens.Now + 1, options));
        ResultAssert.Accepted(At(Tokens.Now - 10, Tokens.Now - 5, options));
    }

    [Test]
    public void NowAtTheStartOfTimeGivesTheExactDistance()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        var result = Verifiers.Create(EctDraft.Draft01, Verifiers.Options with { ExpLeewaySeconds = 0 })
            .VerifyUnguarded(Tokens.Sign(EctDraft.Draft01, payload), long.MinValue);
        ResultAssert.Rejected(result, EctErrorCode.IatInFuture);
        var distance = ((Int128)(Tokens.Now - 10) - long.MinValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(result.Error!.Message, Does.Contain($"is {distance} s in the future"));
    }

    [Test]
    public void NowAtTheEndOfTimeIsExpiredNotTooYoung()
    {
        var result = Verifiers.Create(EctDraft.Draft01).VerifyUnguarded(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01)), long.MaxValue);
        ResultAssert.Rejected(result, EctErrorCode.Expired);
    }

    [Test]
    public void HugeAgeLimitsDoNotWrap()
    {
        var options = Verifiers.Options with { IatMaxAgeSeconds = long.MaxValue, IatMaxFutureSeconds = long.MaxValue, ExpLeewaySeconds = long.MaxValue };
        var verifier = Verifiers.Create(EctDraft.Draft01, options);
        ResultAssert.Accepted(verifier.VerifyUnguarded(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01)), long.MaxValue));
    }
}
