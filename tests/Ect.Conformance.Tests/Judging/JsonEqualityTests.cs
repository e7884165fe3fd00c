using System.Text.Json.Nodes;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Tests.Judging;

/// <summary>Equality of JSON trees as the judge compares outputs: JsonNode.DeepEquals's meaning, one visit per node pair.</summary>
public class JsonEqualityTests
{
    [TestCase("""{"a":1,"b":[1,2]}""", """{"b":[1,2],"a":1}""", true, TestName = "Member order does not matter")]
    [TestCase("""[1,2]""", """[2,1]""", false, TestName = "Item order matters")]
    [TestCase("""{"a":1.0}""", """{"a":1}""", true, TestName = "Numbers compare by value")]
    [TestCase("""{"a":"\u0041"}""", """{"a":"A"}""", true, TestName = "Strings compare unescaped")]
    [TestCase("""{"a":null}""", """{"a":[]}""", false, TestName = "Null is not an empty array")]
    [TestCase("""{"a":1}""", """{"b":1}""", false, TestName = "Member names matter")]
    [TestCase("""{"a":1}""", """{"a":1,"b":2}""", false, TestName = "Member count matters")]
    [TestCase("""[[]]""", """["[]"]""", false, TestName = "A container is not a string")]
    public void AgreesWithJsonNodeDeepEquals(string a, string b, bool equal)
    {
        var x = JsonNode.Parse(a);
        var y = JsonNode.Parse(b);
        Assert.That(JsonNode.DeepEquals(x, y), Is.EqualTo(equal), "the framework's own answer");
        Assert.That(JsonEquality.DeepEquals(x, y), Is.EqualTo(equal));
        Assert.That(JsonEquality.DeepEquals(JsonTreeReader.Parse(a, 64), JsonTreeReader.Parse(b, 64)), Is.EqualTo(equal));
    }

    // Past double precision a number is read the same when it is the same double (RFC 7493 §2.2); within it, values must match.
    [TestCase("""{"n":""" + "99999999999999999999999999999999999999999999999999" + "}", """{"n":1e50}""", true, TestName = "Fifty nines are the double 1e50")]
    [TestCase("""{"n":9007199254740993}""", """{"n":9007199254740992}""", true, TestName = "Two to the 53 plus one reads as its nearest double")]
    [TestCase("""{"n":1767225600}""", """{"n":1767225601}""", false, TestName = "Safe integers must be equal")]
    [TestCase("""{"n":0.1}""", """{"n":0.2}""", false, TestName = "Different doubles differ")]
    [TestCase("""{"n":1e400}""", """{"n":1e400}""", true, TestName = "A number past the double range equals itself")]
    [TestCase("""{"n":1e400}""", """{"n":1e401}""", false, TestName = "Numbers past the double range are not all infinity")]
    [TestCase("""{"n":1}""", """{"n":"1"}""", false, TestName = "A number is not a string")]
    public void NumbersCompareAtDoublePrecision(string a, string b, bool equal)
    {
        Assert.That(JsonEquality.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b)), Is.EqualTo(equal));
        Assert.That(JsonEquality.DeepEquals(JsonTreeReader.Parse(a, 64), JsonTreeReader.Parse(b, 64)), Is.EqualTo(equal));
    }

    [Test]
    public void DeepTreesAreComparedInOneVisitPerNode()
    {
        // 24,990 levels: JsonNode.DeepEquals took seconds on these (its cost grows with depth squared).
        const int depth = 24_990;
        var json = $$"""{"x":{{new string('[', depth)}}1{{new string(']', depth)}}}""";
        var a = JsonTreeReader.Parse(json, 25_000);
        var b = JsonTreeReader.Parse(json, 25_000);
        Assert.That(JsonEquality.DeepEquals(a, b, out var visited), Is.True);
        Assert.That(visited, Is.EqualTo(depth + 2), "the object, every array, the number");
    }

    [Test]
    public void ComparisonStopsAtTheFirstDifference()
    {
        const int depth = 24_990;
        var deep = JsonTreeReader.Parse($$"""{"x":{{new string('[', depth)}}{{new string(']', depth)}},"y":1}""", 25_000);
        var shallow = JsonNode.Parse("""{"x":[],"y":1}""");
        Assert.That(JsonEquality.DeepEquals(shallow, deep, out var visited), Is.False);
        Assert.That(visited, Is.LessThanOrEqualTo(4));
    }
}
