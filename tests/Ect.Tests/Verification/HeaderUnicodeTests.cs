using Ect.Errors;
using Ect.Tests.Support;

namespace Ect.Tests.Verification;

/// <summary>
/// PARSE-2 for the header members verification compares: a lone surrogate escape in typ, alg or
/// kid has no unescaped form. Found by fuzzing (fuzz/regressions/verify-signed): comparing such a
/// typ threw instead of ending in a code.
/// </summary>
public class HeaderUnicodeTests
{
    [TestCase(EctDraft.Draft00, "typ", "\\ud800wimse-exec+jwt")]
    [TestCase(EctDraft.Draft01, "typ", "exec+jwt\\udc00")]
    [TestCase(EctDraft.Draft01, "alg", "ES256\\ud800")]
    [TestCase(EctDraft.Draft01, "kid", "agent-a\\ud800")]
    public void LoneSurrogateInAComparedMemberIsMalformed(EctDraft draft, string member, string escapedValue)
    {
        var header = Tokens.Header(draft);
        header.Remove(member);
        var headerJson = Tokens.Json(header)[..^1] + $",\"{member}\":\"{escapedValue}\"}}";
        var token = Tokens.SignRaw(headerJson, Tokens.Json(Tokens.Payload(draft)), TestKeys.AgentA);

        ResultAssert.Rejected(Verifiers.Create(draft).Check(token), EctErrorCode.Malformed);
    }

    [TestCase("x5t", "\\ud800")]
    [TestCase("typ", "exec\\u002bjwt")]
    public void OtherEscapesAreNotMalformed(string member, string escapedValue)
    {
        // An unknown member is never decoded, and a valid escape in typ reads as the plain text.
        var header = Tokens.Header(EctDraft.Draft01);
        header.Remove(member);
        var headerJson = Tokens.Json(header)[..^1] + $",\"{member}\":\"{escapedValue}\"}}";
        var token = Tokens.SignRaw(headerJson, Tokens.Json(Tokens.Payload(EctDraft.Draft01)), TestKeys.AgentA);

        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft01).Check(token));
    }
}
