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
}
