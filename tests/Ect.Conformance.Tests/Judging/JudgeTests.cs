using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Tests.Judging;

public class JudgeTests
{
    private static readonly VectorCase ValidVerify = new()
    {
        Id = "judge::valid",
        Description = "a valid token whose payload the reply must echo",
        Rules = ["CLM-1"],
        Drafts = ["01"],
        Operation = CaseOperation.Verify,
        Input = new JsonObject { ["tokens"] = new JsonArray("a.b.c") },
        Expected = [ExpectedResult.Valid.WithOutputs(new JsonObject { ["payload"] = new JsonObject { ["iat"] = 1767225590 } })],
    };

    [Test]
    public void MatchingPayloadPasses()
    {
        var judgement = Judge.Evaluate(ValidVerify, Reply("""{"result":"valid","payload":{"iat":1767225590}}"""));
        Assert.That(judgement.Outcome, Is.EqualTo(Outcome.Pass));
    }

    [Test]
    public void DifferentPayloadFails()
    {
        var judgement = Judge.Evaluate(ValidVerify, Reply("""{"result":"valid","payload":{"iat":1767225591}}"""));
        Assert.That(judgement.Outcome, Is.EqualTo(Outcome.Fail));
        Assert.That(judgement.Detail, Does.Contain("payload differs"));
    }

    [Test]
    public void NumberWithAnExponentPastIntIsJudgedNotThrown()
    {
        // JsonNode.DeepEquals throws ArgumentOutOfRangeException comparing such a number (found by the yaml and migrate fuzz targets):
        // the judge compares it by text, so a payload echoing it where another time was expected is simply wrong.
        var judgement = Judge.Evaluate(ValidVerify, Reply("""{"result":"valid","payload":{"iat":1e99999999999}}"""));
        Assert.That(judgement.Outcome, Is.EqualTo(Outcome.Fail), judgement.Detail);
    }

    [Test]
    public void LoneSurrogateInAnErrorMessageIsQuoted()
    {
        var vectorCase = ValidVerify with { Expected = [ExpectedResult.Invalid("malformed")] };
        var judgement = Judge.Evaluate(vectorCase, Reply("""{"result":"invalid","error":"malformed","message":"bad \ud800"}"""));
        Assert.That(judgement.Outcome, Is.EqualTo(Outcome.Pass));
    }

    private static HarnessReply Reply(string result) =>
        ReplyReader.ParseRun($$"""{"seq":1,"results":[{{result}}]}""", 1, 1).Reply;
}
