using System.Text.Json.Nodes;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Tests.Judging;

/// <summary>What of a reply a run keeps for the reports: all of a usual one, a bounded and marked part of a huge one.</summary>
public class KeptReplyTests
{
    [Test]
    public void UsualReplyIsKeptAsItIs()
    {
        var judgement = new Judgement(Outcome.Pass, "ok") { Actual = Results("""[{"result":"valid","payload":{"iss":"a","pred":["b"]}}]""") };
        Assert.That(KeptReply.Bound(judgement), Is.SameAs(judgement));
    }

    [Test]
    public void ManyItemsAreCutAtTheBudget()
    {
        var items = string.Join(",", Enumerable.Range(0, 100_000));
        var judgement = new Judgement(Outcome.Pass, "ok") { Actual = Results($$$"""[{"result":"valid","payload":{"items":[{{{items}}}]}}]""") };
        var kept = KeptReply.Bound(judgement);
        var text = JsonText.Serialize(kept.Actual);
        Assert.Multiple(() =>
        {
            Assert.That(text, Has.Length.InRange(KeptReply.MaxChars - 100, KeptReply.MaxChars + 100));
            Assert.That(text, Does.Match(@"\[cut: [0-9,]+ more items\]"));
            Assert.That(kept.ActualCut, Does.Contain("past 65,536 characters left out"));
            Assert.That(kept.Actual![0]!["result"]!.GetValue<string>(), Is.EqualTo("valid"));
        });
    }

    [Test]
    public void LongErrorCodeIsCut()
    {
        var code = new string('e', 10_000);
        var judgement = new Judgement(Outcome.PassVerdict, "x") { Actual = Results($$"""[{"result":"invalid","error":"{{code}}"}]"""), ActualErrors = [code] };
        var kept = KeptReply.Bound(judgement);
        Assert.That(kept.ActualErrors[0], Has.Length.LessThan(KeptReply.MaxErrorCodeChars + 40).And.EndWith("[cut: 10,000 characters]"));
    }

    [Test]
    public void SurrogatePairIsNotSplit()
    {
        var text = new string('a', KeptReply.MaxStringChars - 1) + "\U0001F600" + new string('b', 10);
        var judgement = new Judgement(Outcome.Pass, "ok") { Actual = new JsonArray(new JsonObject { ["result"] = "valid", ["message"] = text }) };
        var kept = KeptReply.Bound(judgement);
        // Writing it would throw on half a pair.
        Assert.That(JsonText.Serialize(kept.Actual), Does.Contain("a... [cut: 2,059 characters]"));
    }

    [Test]
    public void LongStringFromTheWireIsCutByItsSourceText()
    {
        // Four bytes and two UTF-16 units per character: any cut may fall inside one.
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 100_000));
        var kept = KeptReply.Bound(new Judgement(Outcome.Pass, "ok") { Actual = Results($$"""[{"result":"valid","message":"{{emoji}}"}]""") });
        var message = kept.Actual![0]!["message"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.EndWith("... [cut: 400,000 bytes of JSON text]"));
            Assert.That(message, Has.Length.LessThanOrEqualTo(KeptReply.MaxStringChars + 50));
            Assert.That(() => JsonText.Serialize(kept.Actual), Throws.Nothing);
        });
    }

    private static JsonArray Results(string json) => (JsonArray)JsonTreeReader.Parse(json, 64)!;
}
