using System.Diagnostics;
using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Migration;
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

    /// <summary>Asserts that the migration succeeded and returns its header and payload, non-null from here on.</summary>
    public static (JsonObject Header, JsonObject Payload) Migrated(MigrationResult result, string input)
    {
        if (!result.Succeeded)
        {
            Assert.Fail($"expected the migration to succeed, got {result.Error}\n{input}");
            throw new UnreachableException();
        }

        return (result.Header, result.Payload);
    }

    public static void Accepted(VerificationResult result) =>
        Assert.That(result.IsValid, Is.True, () => $"expected acceptance, got {result.Error}");
}
