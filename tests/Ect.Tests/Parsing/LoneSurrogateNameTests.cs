using Ect.Errors;
using Ect.Parsing;
using Ect.Tests.Support;

namespace Ect.Tests.Parsing;

/// <summary>
/// PARSE-2/PARSE-3: the duplicate-name check decodes every member name, and a name holding a lone
/// surrogate escape has no Unicode form. Found by fuzzing (fuzz/regressions/parse): the parser
/// threw instead of answering <c>malformed</c>.
/// </summary>
public class LoneSurrogateNameTests
{
    [TestCase("{\"\\ud800\":1}")]
    [TestCase("{\"a\":{\"\\udfff\":true}}")]
    [TestCase("{\"x\\ud83d\":null}")]
    public void StrictJsonRefusesTheName(string json)
    {
        using var document = StrictJson.TryParseObject(System.Text.Encoding.UTF8.GetBytes(json), out var error);

        Assert.That(document, Is.Null);
        Assert.That(error, Does.Contain("not valid Unicode"));
    }

    [TestCase(EctDraft.Draft00, true)]
    [TestCase(EctDraft.Draft00, false)]
    [TestCase(EctDraft.Draft01, true)]
    [TestCase(EctDraft.Draft01, false)]
    public void TokenWithSuchANameIsMalformed(EctDraft draft, bool inHeader)
    {
        var header = Tokens.Json(Tokens.Header(draft));
        var payload = Tokens.Json(Tokens.Payload(draft));
        var token = inHeader
            ? Tokens.SignRaw(header[..^1] + ",\"\\ud800\":1}", payload, TestKeys.AgentA)
            : Tokens.SignRaw(header, payload[..^1] + ",\"\\ud800\":1}", TestKeys.AgentA);

        Assert.That(JwsParser.Parse(token, 65_536).Error?.Code, Is.EqualTo(EctErrorCode.Malformed));
        ResultAssert.Rejected(Verifiers.Create(draft).Check(token), EctErrorCode.Malformed);
    }
}
