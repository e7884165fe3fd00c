using System.Text.Json.Nodes;
using Ect.Conformance.Cli;

namespace Ect.Conformance.Tests.Cli;

/// <summary>
/// The <c>harness</c> command answers every request line but <c>stop</c> with exactly one reply and
/// keeps serving (issue 12): each line here once killed the process or left the request unanswered.
/// </summary>
public class HarnessServerTests
{
    private const string Start = """{"cmd":"start","version":1}""";

    public static IEnumerable<TestCaseData> BadRequests()
    {
        // The reply reused the seq node already attached to the abandoned results reply.
        yield return new TestCaseData("""{"cmd":"run","seq":1,"case":{"id":"a","operation":"nope","input":{}}}""", 1L).SetName("UnknownOperation");
        yield return new TestCaseData("""{"cmd":"run","seq":2,"case":{"id":"\ud800","operation":"nope","input":{}}}""", 2L).SetName("LoneSurrogateInCaseId");
        yield return new TestCaseData("""{"cmd":"run","seq":3,"\ud800":1}""", null).SetName("LoneSurrogateInMemberName");
        yield return new TestCaseData("""{"cmd":"\udc00","seq":4}""", 4L).SetName("LoneSurrogateInCmd");
        yield return new TestCaseData("""{"cmd":"run","cmd":"start","seq":5}""", null).SetName("DuplicateCmd");
        yield return new TestCaseData("""{"cmd":"run","seq":""" + new string('[', 90_000) + new string(']', 90_000) + "}", null).SetName("SeqNested90000Deep");
        yield return new TestCaseData("""[{"cmd":"start"}]""", null).SetName("ArrayInsteadOfObject");
        yield return new TestCaseData("""{"cmd":"run","seq":{"a":[1]},"case":{"id":"a","operation":"nope","input":{}}}""", null).SetName("NonScalarSeq");
    }

    [TestCaseSource(nameof(BadRequests))]
    public void ErroredRequestGetsOneReplyAndTheServerGoesOn(string line, long? seq)
    {
        using var output = new StringWriter();

        var code = HarnessServer.Serve(new StringReader(line + "\n" + Start + "\n"), output, TextWriter.Null);

        var replies = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(code, Is.Zero);
        Assert.That(replies, Has.Length.EqualTo(2), output.ToString);
        var reply = JsonNode.Parse(replies[0])!.AsObject();
        Assert.That(reply["errored"]!.GetValue<bool>(), Is.True, replies[0]);
        Assert.That(reply["message"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(reply["seq"]?.GetValue<long>(), Is.EqualTo(seq), replies[0]);
        Assert.That(JsonNode.Parse(replies[1])!["version"]!.GetValue<int>(), Is.EqualTo(1), "the next request is served");
    }
}
