using Ect.Errors;
using Ect.Parsing;
using Ect.Tests.Support;

namespace Ect.Tests.Verification;

/// <summary>Assurance levels (feature levels, -01).</summary>
public class LevelTests
{
    private static string Unsigned() => Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(Tokens.Json(Tokens.Payload(EctDraft.Draft01))));

    [Test]
    public void UnsignedTokenIsBelowTheDefaultMinimum() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(Unsigned()), EctErrorCode.LevelBelowMinimum);

    [Test]
    public void UnsignedTokenIsAcceptedAtMinimumLevelOneAndStillReplayChecked()
    {
        var verifier = Verifiers.Create(EctDraft.Draft01, Verifiers.Options with { MinimumLevel = 1 });
        var token = Unsigned();
        var result = verifier.Check(token);
        ResultAssert.Accepted(result);
        Assert.That(result.Level, Is.EqualTo(1));
        ResultAssert.Rejected(verifier.Check(token), EctErrorCode.Replay);
    }

    [Test]
    public void SignedTokenIsLevelTwo() =>
        Assert.That(Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01))).Level, Is.EqualTo(2));

    [Test]
    public void Mode00HasNoLevels() =>
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft00, Verifiers.Options with { MinimumLevel = 1 }).Check(Unsigned()), EctErrorCode.Malformed);
}
