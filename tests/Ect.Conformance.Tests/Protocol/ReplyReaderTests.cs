using System.Text;
using Ect.Conformance.Protocol;
using Ect.Conformance.Subprocess;

namespace Ect.Conformance.Tests.Protocol;

/// <summary>
/// The reader of harness replies (protocol section 3): every line becomes a reply or an errored
/// reply with a message naming what is wrong; nothing a harness prints makes it throw.
/// </summary>
public class ReplyReaderTests
{
    [Test]
    public void ResultsAreRead()
    {
        var run = ReplyReader.ParseRun("""{"seq":4,"results":[{"result":"invalid","error":"dag_cycle"}]}""", 4, 1);
        Assert.That(run.InSync, Is.True);
        Assert.That(run.Reply.Kind, Is.EqualTo(ReplyKind.Results));
        Assert.That(run.Reply.Results!, Has.Count.EqualTo(1));
    }

    [TestCase("""{"seq":1,"seq":1,"results":[]}""", "Duplicate", TestName = "Duplicate top-level member is errored")]
    [TestCase("""{"seq":1,"results":[{"result":"invalid","error":"a","error":"b"}]}""", "Duplicate", TestName = "Duplicate member in a result is errored")]
    [TestCase("""{"seq":1,"results":[{"result":"valid","payload":{"wid":"a","wid":"b"}}]}""", "Duplicate", TestName = "Duplicate member in a payload is errored")]
    [TestCase("""{"seq":1,"results":""", "invalid JSON", TestName = "Truncated JSON is errored")]
    [TestCase("""{"seq":1,"results":[{"resu\ud800lt":"valid"}]}""", "lone surrogate", TestName = "Member name with a lone surrogate is errored")]
    public void AmbiguousOrBrokenLinesAreErroredAndRestart(string line, string reason)
    {
        var run = ReplyReader.ParseRun(line, 1, null);
        Assert.That(run.Reply.Kind, Is.EqualTo(ReplyKind.Errored));
        Assert.That(run.InSync, Is.False);
        Assert.That(run.Reply.Message, Does.Contain("not a JSON object").And.Contain(reason));
    }

    [Test]
    public void NestingPastTheBoundIsErrored()
    {
        var deep = new string('[', ReplyReader.MaxDepth) + new string(']', ReplyReader.MaxDepth);
        var run = ReplyReader.ParseRun($$"""{"seq":1,"results":[{"result":"valid","payload":{{deep}}}]}""", 1, 1);
        Assert.That(run.Reply.Kind, Is.EqualTo(ReplyKind.Errored));
        Assert.That(run.Reply.Message, Does.Contain("depth").IgnoreCase);
    }

    [Test]
    public void NestingWithinTheBoundIsRead()
    {
        // The corpus's deepest acceptable token carries an unknown claim 20,000 arrays deep; an implementation may echo it.
        var deep = new string('[', 20_000) + new string(']', 20_000);
        var run = ReplyReader.ParseRun($$$"""{"seq":1,"results":[{"result":"valid","payload":{"x":{{{deep}}}}}]}""", 1, 1);
        Assert.That(run.Reply.Kind, Is.EqualTo(ReplyKind.Results));
    }

    [Test]
    public void LoneSurrogateInAMessageIsKeptAsItsEscape()
    {
        var run = ReplyReader.ParseRun("""{"seq":1,"errored":true,"message":"boo\udc00m"}""", 1, null);
        Assert.That(run.Reply.Kind, Is.EqualTo(ReplyKind.Errored));
        Assert.That(run.Reply.Message, Does.Contain(@"boo\udc00m"));
    }

    [Test]
    public void ContextThatIsNotAnObjectIsIgnored()
    {
        var run = ReplyReader.ParseRun("""{"seq":1,"errored":true,"context":[1]}""", 1, null);
        Assert.That(run.Reply.Kind, Is.EqualTo(ReplyKind.Errored));
        Assert.That(run.Reply.Message, Does.Contain("(no message)"));
    }

    [Test]
    public void BowtieContextMessageIsRead()
    {
        var run = ReplyReader.ParseRun("""{"seq":1,"errored":true,"context":{"message":"KeyError"}}""", 1, null);
        Assert.That(run.Reply.Message, Does.Contain("KeyError"));
    }

    [Test]
    public void DeepSeqIsQuotedNotThrown()
    {
        var deep = new string('[', 999) + new string(']', 999);
        var run = ReplyReader.ParseRun($$"""{"seq":{{deep}},"results":[]}""", 1, null);
        Assert.That(run.Reply.Kind, Is.EqualTo(ReplyKind.Errored));
        Assert.That(run.InSync, Is.False);
        Assert.That(run.Reply.Message, Does.Contain("expected 1"));
    }

    [Test]
    public void StartWithDuplicateMemberIsAStartError()
    {
        var e = Assert.Throws<HarnessStartException>(() => ReplyReader.ParseStart("""{"version":1,"version":1,"implementation":{}}"""));
        Assert.That(e!.Message, Does.Contain("Duplicate"));
    }

    [Test]
    public void StartWithLoneSurrogateMemberNameIsAStartError()
    {
        var e = Assert.Throws<HarnessStartException>(() => ReplyReader.ParseStart("""{"version":1,"implementat\udc00ion":{}}"""));
        Assert.That(e!.Message, Does.Contain("lone surrogate"));
    }

    [Test]
    public void StartWithLoneSurrogateIsRead()
    {
        var info = ReplyReader.ParseStart("""{"version":1,"implementation":{"name":"x\ud800","language":"py","version":"1","homepage":"https://e.\udc00com","drafts":["01"],"operations":["verify"]}}""");
        Assert.That(info.Name, Is.EqualTo(@"x\ud800"));
        Assert.That(info.Homepage, Is.EqualTo(@"https://e.\udc00com"));
    }

    [Test]
    public void LongDeclaredStringsAreCut()
    {
        var name = new string('n', 1_000_000);
        var features = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"f{i}\""));
        var info = ReplyReader.ParseStart($$$"""{"version":1,"implementation":{"name":"{{{name}}}","language":"py","version":"1","drafts":["01"],"operations":["verify"],"features":[{{{features}}}]}}""");
        Assert.Multiple(() =>
        {
            Assert.That(info.Name, Has.Length.LessThan(ImplementationInfo.MaxStringChars + 40).And.EndWith("... [cut: 1,000,000 characters]"));
            Assert.That(info.Features, Has.Count.EqualTo(ImplementationInfo.MaxListEntries + 1));
            Assert.That(info.Features[^1], Is.EqualTo("[cut: 936 more entries]"));
        });
    }

    [Test]
    public void LongErrorMessageIsCut()
    {
        var run = ReplyReader.ParseRun($$"""{"seq":1,"errored":true,"message":"{{new string('m', 100_000)}}"}""", 1, null);
        Assert.That(run.Reply.Message, Has.Length.LessThan(5000).And.EndWith("[cut: 100,000 characters]"));
    }

    [Test]
    public void PrintedBytesAreReadLikeTheirText()
    {
        var run = ReplyReader.ParseRunUtf8(Encoding.UTF8.GetBytes("""{"seq":4,"results":[{"result":"invalid","error":"dag_cycle","message":"é"}]}"""), 4, 1);
        Assert.That(run.Reply.Kind, Is.EqualTo(ReplyKind.Results));
        Assert.That(run.Reply.Results![0]!["message"]!.GetValue<string>(), Is.EqualTo("é"));
    }

    [Test]
    public void InvalidUtf8IsReadWithItsBadBytesReplaced()
    {
        byte[] line = [.. "{\"seq\":1,\"errored\":true,\"message\":\"a"u8, 0xFF, .. "b\"}"u8];
        var run = ReplyReader.ParseRunUtf8(line, 1, null);
        Assert.That(run.Reply.Message, Does.Contain("a\uFFFDb"));
    }

    [Test]
    public void LongPrintedLineIsQuotedByItsStartAndSize()
    {
        var line = Encoding.UTF8.GetBytes(new string('z', 1_000_000));
        var run = ReplyReader.ParseRunUtf8(line, 1, null);
        Assert.That(run.Reply.Message, Does.Contain($"\"{new string('z', 200)}\" (... 1000000 bytes)"));
        Assert.That(run.Reply.Message, Has.Length.LessThan(1000));
    }
}
