using System.Text.Json.Nodes;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Tests.Cases;

public class YamlJsonTests
{
    [Test]
    public void PlainScalarsFollowJson()
    {
        var node = YamlJson.Parse("a: 1\nb: true\nc: null\nd: \"012\"\ne: word::x\nf: -2.5e3\n", "t.yaml")!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(node["a"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(node["b"]!.GetValue<bool>(), Is.True);
            Assert.That(node["c"], Is.Null);
            Assert.That(node["d"]!.GetValue<string>(), Is.EqualTo("012"));
            Assert.That(node["e"]!.GetValue<string>(), Is.EqualTo("word::x"));
            Assert.That(JsonNode.DeepEquals(node["f"], JsonNode.Parse("-2.5e3")), Is.True);
        });
    }

    [TestCase("a: yes\n", TestName = "YAML 1.1 boolean")]
    [TestCase("a: 012\n", TestName = "leading zero")]
    [TestCase("a: 0x1F\n", TestName = "hex")]
    [TestCase("a: 2026-01-01\n", TestName = "date")]
    [TestCase("a: ~\n", TestName = "tilde null")]
    [TestCase("a: &x 1\nb: *x\n", TestName = "anchor and alias")]
    [TestCase("a: !!str 1\n", TestName = "tag")]
    [TestCase("a: 1\na: 2\n", TestName = "duplicate key")]
    [TestCase("%YAML 1.2\n---\na: 1\n", TestName = "directive")]
    [TestCase("? &a [*a]\n: 1\n", TestName = "alias inside its own anchor, as a key")]
    [TestCase("- &a {id: xu\n- *a\n- !!str yes\n---\n- second\n", TestName = "input that makes the scanner throw InvalidOperationException")]
    public void AmbiguousYamlIsRejected(string yaml) =>
        Assert.Throws<FormatException>(() => YamlJson.Parse(yaml, "t.yaml"));

    [Test]
    public void DirectiveIsRefusedWithItsLine()
    {
        var e = Assert.Throws<FormatException>(() => YamlJson.Parse("- a: 1\n%TAG ! x\n", "t.yaml"));
        Assert.That(e!.Message, Does.StartWith("t.yaml:2: YAML directives"));
    }

    [Test]
    public void PercentInsideAValueIsRead()
    {
        var node = YamlJson.Parse("a: \"%x\"\nb: x%\n", "t.yaml")!.AsObject();
        Assert.That(node["a"]!.GetValue<string>(), Is.EqualTo("%x"));
    }

    [Test]
    public void NestingPastTheBoundIsRefused()
    {
        var deep = new string('[', YamlJson.MaxDepth + 1) + new string(']', YamlJson.MaxDepth + 1);
        var e = Assert.Throws<FormatException>(() => YamlJson.Parse(deep, "t.yaml"));
        Assert.That(e!.Message, Does.Contain("nested deeper than"));
        Assert.That(YamlJson.Parse(new string('[', YamlJson.MaxDepth) + new string(']', YamlJson.MaxDepth), "t.yaml"), Is.Not.Null);
    }
}
