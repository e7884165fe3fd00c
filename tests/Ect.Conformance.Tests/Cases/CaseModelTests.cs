using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Tests.Vectors;
using Ect.Errors;

namespace Ect.Conformance.Tests.Cases;

/// <summary>
/// The case model (<see cref="VectorCase"/>, <see cref="ExpectedResult"/>) is the one source of a
/// case's shape: the vector schema is held to it member by member, and it reads back what it writes.
/// </summary>
public sealed class CaseModelTests
{
    private static readonly Lazy<JsonObject> Schema = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(VectorRepository.VectorsDir, "schema", "vectors.schema.json")))!.AsObject());

    private static JsonObject Defs => Schema.Value["$defs"]!.AsObject();

    private static readonly string[] ResultDefs = ["plainResult", "partsResult", "tokensResult"];

    [Test]
    public void SchemaNamesExactlyTheModelsMembers()
    {
        var properties = Defs["case"]!["properties"]!.AsObject().Select(p => p.Key).Where(k => k != "source");
        Assert.That(properties, Is.EqualTo(VectorCase.MemberNames).AsCollection);
    }

    [Test]
    public void ToJsonWritesTheMembersInTheirOrder()
    {
        var json = VectorRepository.Suite.Cases[0].ToJson();
        Assert.That(json.Select(p => p.Key), Is.EqualTo(VectorCase.MemberNames).AsCollection);
        Assert.That(VectorRepository.Suite.Cases[0].ToJson(withSource: true).Select(p => p.Key).Take(2), Is.EqualTo(new[] { "id", "source" }));
    }

    [Test]
    public void SchemaOperationsAreTheModelsOperations() =>
        Assert.That(Strings(Defs["case"]!["properties"]!["operation"]!["enum"]), Is.EquivalentTo(CaseOperation.All));

    [Test]
    public void SchemaCodesAreTheEnginesCodes() =>
        Assert.That(Strings(Defs["code"]!["enum"]), Is.EquivalentTo(Enum.GetValues<EctErrorCode>().Where(c => c != EctErrorCode.None).Select(c => c.ToWireName())));

    [Test]
    public void SchemaVerdictsAreTheModelsVerdicts()
    {
        var verdicts = Enum.GetValues<ExpectedVerdict>().Select(v => v.ToWireName());
        foreach (var result in ResultShapes())
        {
            Assert.That(Strings(result["properties"]!["result"]!["enum"]), Is.EquivalentTo(verdicts));
        }
    }

    [Test]
    public void SchemaOutputsAreTheModelsOutputs()
    {
        var outputs = ResultShapes().SelectMany(r => r["properties"]!.AsObject().Select(p => p.Key))
            .Where(k => k is not ("result" or "error" or "errors")).Distinct();
        Assert.That(outputs, Is.EquivalentTo(ExpectedResult.OutputMembers));
    }

    [TestCase("""{"result":"valid"}""")]
    [TestCase("""{"result":"invalid","error":"replay"}""")]
    [TestCase("""{"result":"invalid","errors":["expired","iat_too_old"]}""")]
    [TestCase("""{"result":"acceptable"}""")]
    [TestCase("""{"result":"acceptable","error":"typ_invalid","payload":{"iss":"a"}}""")]
    [TestCase("""{"result":"valid","header":{"alg":"ES256"},"payload":null}""")]
    public void ReadsBackWhatItWrites(string json)
    {
        var node = JsonNode.Parse(json);
        Assert.That(ExpectedResult.FromJson(node, "expected").ToJson().ToJsonString(), Is.EqualTo(node!.ToJsonString()));
    }

    [TestCase("""{"result":"invalid"}""", "names its error")]
    [TestCase("""{"result":"valid","error":"replay"}""", "names no error")]
    [TestCase("""{"result":"invalid","error":"replay","errors":["replay","expired"]}""", "both error and errors")]
    [TestCase("""{"result":"sure"}""", "expected.result must be")]
    [TestCase("""{"result":"valid","token":"a.b.c"}""", "unknown member \"token\"")]
    [TestCase("""{"result":"invalid","error":"replay","payload":{}}""", "has no payload")]
    [TestCase("""{"result":"invalid","error":7}""", "expected.error must be an error code")]
    [TestCase("""{"result":"invalid","errors":[]}""", "non-empty list")]
    [TestCase("""["valid"]""", "must be a mapping")]
    public void RefusesWhatIsNoExpectedResult(string json, string message) =>
        Assert.That(() => ExpectedResult.FromJson(JsonNode.Parse(json), "expected"), Throws.TypeOf<FormatException>().With.Message.Contains(message));

    [TestCase("""{"result":"valid"}""")]
    [TestCase("""{"results":[]}""")]
    [TestCase("""{"results":[{"result":"valid"}],"result":"valid"}""")]
    public void AVerifyCaseExpectsOneResultPerToken(string json) =>
        Assert.That(() => ExpectedResult.ListFromJson(JsonNode.Parse(json), perToken: true, "expected"), Throws.TypeOf<FormatException>().With.Message.Contains("one result per token"));

    [Test]
    public void AnInvalidResultHoldsNoOutputs() =>
        Assert.That(ExpectedResult.Invalid("replay").WithOutputs(new JsonObject { ["payload"] = new JsonObject() }).OutputNames, Is.Empty);

    [Test]
    public void OutputsAreCopiedNotShared()
    {
        var payload = new JsonObject { ["iss"] = "a" };
        var result = ExpectedResult.Valid.WithOutputs(new JsonObject { ["payload"] = payload });
        payload["iss"] = "b";
        result.Output("payload")!["iss"] = "c";
        Assert.That(result.ToJson()["payload"]!["iss"]!.GetValue<string>(), Is.EqualTo("a"));
        Assert.That(ExpectedResult.Valid.OutputNames, Is.Empty);
    }

    [Test]
    public void AnInvalidResultNamesItsCodes() =>
        Assert.That(() => ExpectedResult.Invalid(), Throws.ArgumentException);

    private static IEnumerable<JsonObject> ResultShapes() =>
        ResultDefs.Select(d => Defs[d]!.AsObject()).Append(Defs["verifyExpected"]!["properties"]!["results"]!["items"]!.AsObject());

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}
