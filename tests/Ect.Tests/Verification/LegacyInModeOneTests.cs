using Ect.Errors;
using Ect.Tests.Support;

namespace Ect.Tests.Verification;

/// <summary>
/// A -00 token verified in mode 01 goes through the migration, which re-writes the payload as
/// JSON. Inputs the fuzzer found (fuzz/regressions/verify-raw, verify-signed) that made that
/// re-writing throw instead of ending in a profile code.
/// </summary>
public class LegacyInModeOneTests
{
    private static string LegacyToken(string payloadJson) =>
        Tokens.SignRaw(Tokens.Json(Tokens.Header(EctDraft.Draft00)), payloadJson, TestKeys.AgentA);

    private static string LegacyPayload(string extraMembers)
    {
        var json = Tokens.Json(Tokens.Payload(EctDraft.Draft00));
        return json[..^1] + "," + extraMembers + "}";
    }

    [TestCase("\"note\":\"\\ud800\"", TestName = "lone high surrogate in an unknown claim")]
    [TestCase("\"note\":\"\\udc00x\"", TestName = "lone low surrogate in an unknown claim")]
    public void LoneSurrogateEscapeIsMalformedNotAnException(string member)
    {
        var token = LegacyToken(LegacyPayload(member));

        // Mode 00 never decodes an unknown claim, so it accepts; mode 01 must re-write it, which Unicode cannot express.
        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft00).Check(token));
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.Malformed);
    }

    [Test]
    public void PolicyMovedOneLevelDeeperPastTheDepthBoundIsMalformed()
    {
        // At the strict parser's depth bound before the migration, one level over it after pol moves into ect_ext (MIG-4).
        var depth = Ect.Parsing.StrictJson.MaxDepth - 1;
        var deep = new string('[', depth) + new string(']', depth);
        var token = LegacyToken(LegacyPayload($"\"pol\":{deep},\"pol_decision\":\"approved\""));

        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.Malformed);
    }
}
