using System.Text.Json.Nodes;
using Ect.Conformance.Reference;

namespace Ect.Conformance.Tests.Reference;

public class CaseInputTests
{
    [Test]
    public void StorePayloadWithALoneSurrogateIsRead()
    {
        // A harness request is parsed from text, so its strings keep their escapes; re-writing them
        // with System.Text.Json's writer would throw on "\ud800" (found by the DAG fuzz target).
        var node = JsonNode.Parse("""{"jti":"x","wid":"w","pred":[],"iss":"a","aud":"b","iat":1,"exp":2,"exec_act":"e","note":"\ud800"}""");
        var payload = CaseInput.ReadPayload(node, EctDraft.Draft01, "input.store[0]");
        Assert.That(payload.Jti, Is.EqualTo("x"));
    }

    [Test]
    public void StorePayloadThatIsNotAnObjectIsAFormatError()
    {
        var e = Assert.Throws<FormatException>(() => CaseInput.ReadPayload(JsonNode.Parse("[1]"), EctDraft.Draft01, "input.store[3]"));
        Assert.That(e!.Message, Does.Contain("input.store[3]"));
    }
}
