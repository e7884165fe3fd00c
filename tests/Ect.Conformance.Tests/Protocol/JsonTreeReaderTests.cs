using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Tests.Protocol;

/// <summary>The linear reader of harness lines: the same tree and the same refusals as JsonNode.Parse with duplicate names refused.</summary>
public class JsonTreeReaderTests
{
    [TestCase("""{"a":[1,2.50,"x",true,false,null,{"b":{}}],"c":[]}""")]
    [TestCase("""[[],[[]],{"":""}]""")]
    [TestCase("\"only a string\"")]
    [TestCase("-1e400")]
    public void ReadsWhatJsonNodeReads(string json)
    {
        var tree = JsonTreeReader.Parse(json, 64);
        Assert.That(JsonNode.DeepEquals(tree, JsonNode.Parse(json)), Is.True);
        Assert.That(JsonText.Serialize(tree), Is.EqualTo(JsonText.Serialize(JsonNode.Parse(json))));
    }

    [Test]
    public void NullIsNull() => Assert.That(JsonTreeReader.Parse("null", 64), Is.Null);

    [TestCase("""{"a":1,"a":2}""", "Duplicate")]
    [TestCase("""{"a":{"b":1,"b":1}}""", "Duplicate")]
    [TestCase("""{"a":1} {}""", "")]
    [TestCase("""[1,]""", "")]
    [TestCase("", "")]
    [TestCase("[[[1]]]", "depth")]
    public void RefusesWhatIsNotOneUnambiguousValue(string json, string reason)
    {
        var e = Assert.Throws(Is.InstanceOf<JsonException>(), () => JsonTreeReader.Parse(json, 2));
        Assert.That(e!.Message, Does.Contain(reason).IgnoreCase);
    }

    [Test]
    public void LoneSurrogateValueKeepsItsEscape()
    {
        var tree = JsonTreeReader.Parse("""{"m":"boo\udc00m"}""", 64)!;
        Assert.That(JsonText.TryGetString(tree["m"], out var text), Is.True);
        Assert.That(text, Is.EqualTo(@"boo\udc00m"));
    }

    [Test]
    public void LoneSurrogateMemberNameIsRefused() =>
        Assert.Throws<InvalidOperationException>(() => JsonTreeReader.Parse("""{"a\ud800":1}""", 64));

    [Test]
    public void LoneSurrogateInTheStringItselfIsRefused() =>
        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => JsonTreeReader.Parse("[\"\ud800\"]", 64));

    [Test]
    public void DeepNestingIsBuiltWhole()
    {
        const int depth = 24_990;
        var json = new string('[', depth) + "7" + new string(']', depth);
        var node = JsonTreeReader.Parse(json, 25_000);
        var levels = 0;
        while (node is JsonArray array)
        {
            Assert.That(array, Has.Count.EqualTo(1));
            node = array[0];
            levels++;
        }

        Assert.That(levels, Is.EqualTo(depth));
        Assert.That(node!.GetValue<int>(), Is.EqualTo(7));
    }
}
