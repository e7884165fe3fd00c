using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Tests.Judging;

/// <summary>
/// The judge decides every outcome the suite reports, so its whole decision table is pinned here
/// (harness protocol §3): each kind of expectation against each kind of answer, outputs equal or
/// not, and the worst-of rule of a multi-token case.
/// </summary>
public class JudgeDecisionMatrixTests
{
    private const string Payload = """{"iat":1767225590}""";
    private const string OtherPayload = """{"iat":1767225591}""";

    // expected result (one token) | answer | outcome
    [TestCase("""{"result":"valid","payload":{"iat":1767225590}}""", """{"result":"valid","payload":{"iat":1767225590}}""", Outcome.Pass, TestName = "valid / valid, same output: pass")]
    [TestCase("""{"result":"valid","payload":{"iat":1767225590}}""", """{"result":"valid","payload":{"iat":1767225591}}""", Outcome.Fail, TestName = "valid / valid, other output: fail")]
    [TestCase("""{"result":"valid","payload":{"iat":1767225590}}""", """{"result":"valid"}""", Outcome.Fail, TestName = "valid / valid, output missing: fail")]
    [TestCase("""{"result":"valid","payload":{"iat":1767225590}}""", """{"result":"invalid","error":"expired"}""", Outcome.Fail, TestName = "valid / invalid with a code: fail")]
    [TestCase("""{"result":"valid","payload":{"iat":1767225590}}""", """{"result":"invalid","error":"unknown"}""", Outcome.Fail, TestName = "valid / invalid unknown: fail")]
    [TestCase("""{"result":"invalid","error":"expired"}""", """{"result":"invalid","error":"expired"}""", Outcome.Pass, TestName = "invalid / invalid, listed code: pass")]
    [TestCase("""{"result":"invalid","error":"expired"}""", """{"result":"invalid","error":"iat_too_old"}""", Outcome.PassVerdict, TestName = "invalid / invalid, other code: pass-verdict")]
    [TestCase("""{"result":"invalid","error":"expired"}""", """{"result":"invalid","error":"unknown"}""", Outcome.PassVerdict, TestName = "invalid / invalid unknown: pass-verdict")]
    [TestCase("""{"result":"invalid","error":"expired"}""", """{"result":"valid","payload":{"iat":1767225590}}""", Outcome.Fail, TestName = "invalid / valid: fail (accepted forgery)")]
    [TestCase("""{"result":"invalid","errors":["dag_cycle","dag_pred_not_found"]}""", """{"result":"invalid","error":"dag_pred_not_found"}""", Outcome.Pass, TestName = "invalid with a list / any listed code: pass")]
    [TestCase("""{"result":"invalid","errors":["dag_cycle","dag_pred_not_found"]}""", """{"result":"invalid","error":"malformed"}""", Outcome.PassVerdict, TestName = "invalid with a list / a code outside it: pass-verdict")]
    [TestCase("""{"result":"acceptable","payload":{"iat":1767225590}}""", """{"result":"valid","payload":{"iat":1767225590}}""", Outcome.Pass, TestName = "acceptable / valid, same output: pass")]
    [TestCase("""{"result":"acceptable","payload":{"iat":1767225590}}""", """{"result":"valid","payload":{"iat":1767225591}}""", Outcome.Fail, TestName = "acceptable / valid, other output: fail")]
    [TestCase("""{"result":"acceptable","error":"malformed","payload":{"iat":1767225590}}""", """{"result":"invalid","error":"malformed"}""", Outcome.Pass, TestName = "acceptable / invalid, listed code: pass")]
    [TestCase("""{"result":"acceptable","error":"malformed","payload":{"iat":1767225590}}""", """{"result":"invalid","error":"claim_invalid"}""", Outcome.PassVerdict, TestName = "acceptable / invalid, other code: pass-verdict")]
    [TestCase("""{"result":"acceptable","error":"malformed","payload":{"iat":1767225590}}""", """{"result":"invalid","error":"unknown"}""", Outcome.PassVerdict, TestName = "acceptable / invalid unknown: pass-verdict")]
    public void OneToken(string expected, string answer, Outcome outcome)
    {
        var judgement = Judge.Evaluate(Case(expected), Reply(answer));
        Assert.That(judgement.Outcome, Is.EqualTo(outcome), judgement.Detail);
    }

    // A multi-token case takes the worst of its tokens, in the explicit order pass < pass-verdict < errored < fail:
    // an unjudgeable token never hides a wrong verdict (an accepted forgery) beside it.
    [TestCase(Outcome.Pass, Outcome.Pass, Outcome.Pass)]
    [TestCase(Outcome.Pass, Outcome.PassVerdict, Outcome.PassVerdict)]
    [TestCase(Outcome.PassVerdict, Outcome.Fail, Outcome.Fail)]
    [TestCase(Outcome.Fail, Outcome.PassVerdict, Outcome.Fail)]
    [TestCase(Outcome.Pass, Outcome.Errored, Outcome.Errored)]
    [TestCase(Outcome.Fail, Outcome.Errored, Outcome.Fail)]
    [TestCase(Outcome.Errored, Outcome.Fail, Outcome.Fail)]
    public void TwoTokensTakeTheWorst(Outcome first, Outcome second, Outcome worst)
    {
        var (expected1, answer1) = Token(first);
        var (expected2, answer2) = Token(second);
        var vectorCase = Case(expected1, expected2);
        var judgement = Judge.Evaluate(vectorCase, Reply(answer1, answer2));
        Assert.That(judgement.Outcome, Is.EqualTo(worst), judgement.Detail);
    }

    [Test]
    public void ARepliedCountOtherThanTheTokensIsErrored()
    {
        var judgement = Judge.Evaluate(Case("""{"result":"valid"}""", """{"result":"valid"}"""), Reply("""{"result":"valid"}"""));
        Assert.That(judgement.Outcome, Is.EqualTo(Outcome.Errored));
        Assert.That(judgement.Detail, Does.Contain("expected 2 result(s), the reply has 1"));
    }

    [TestCase(ReplyKind.Skipped, Outcome.Skipped)]
    [TestCase(ReplyKind.Errored, Outcome.Errored)]
    [TestCase(ReplyKind.Timeout, Outcome.Timeout)]
    [TestCase(ReplyKind.Crashed, Outcome.Crashed)]
    public void RepliesWithoutResultsEndAsTheirKind(ReplyKind kind, Outcome outcome)
    {
        var reply = kind switch
        {
            ReplyKind.Skipped => HarnessReply.Skipped("declined"),
            ReplyKind.Errored => HarnessReply.Errored("broke"),
            ReplyKind.Timeout => HarnessReply.Timeout("late"),
            _ => HarnessReply.Crashed("gone"),
        };
        Assert.That(Judge.Evaluate(Case("""{"result":"valid"}"""), reply).Outcome, Is.EqualTo(outcome));
    }

    /// <summary>An expected result and an answer that judge to <paramref name="outcome"/> for one token.</summary>
    private static (string Expected, string Answer) Token(Outcome outcome) => outcome switch
    {
        Outcome.Pass => ($$"""{"result":"valid","payload":{{Payload}}}""", $$"""{"result":"valid","payload":{{Payload}}}"""),
        Outcome.PassVerdict => ("""{"result":"invalid","error":"expired"}""", """{"result":"invalid","error":"unknown"}"""),
        Outcome.Fail => ("""{"result":"invalid","error":"expired"}""", $$"""{"result":"valid","payload":{{OtherPayload}}}"""),
        // A result that is not an object cannot be judged.
        Outcome.Errored => ("""{"result":"valid"}""", "42"),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private static VectorCase Case(params string[] expected) => new()
    {
        Id = "judge::matrix",
        Description = "one row of the judge's decision table",
        Rules = ["CLM-1"],
        Drafts = ["01"],
        Operation = CaseOperation.Verify,
        Input = new JsonObject { ["tokens"] = new JsonArray(expected.Select(_ => (JsonNode?)"a.b.c").ToArray()) },
        Expected = expected.Select(e => ExpectedResult.FromJson(JsonNode.Parse(e), "expected")).ToArray(),
    };

    private static HarnessReply Reply(params string[] results) =>
        ReplyReader.ParseRun($$"""{"seq":1,"results":[{{string.Join(",", results)}}]}""", 1, results.Length).Reply;
}
