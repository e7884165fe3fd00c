using Ect.Errors;
using Ect.Verification;

namespace Ect.Tests.Support;

public static class ResultAssert
{
    public static void Rejected(VerificationResult result, EctErrorCode expected)
    {
        Assert.That(result.IsValid, Is.False, $"expected {expected.ToWireName()}, but the token was accepted");
        Assert.That(result.Error!.Code, Is.EqualTo(expected), result.Error.ToString());
        Assert.That(result.Error.Message, Is.Not.Empty);
    }

    public static void Accepted(VerificationResult result) =>
        Assert.That(result.IsValid, Is.True, () => $"expected acceptance, got {result.Error}");
}
