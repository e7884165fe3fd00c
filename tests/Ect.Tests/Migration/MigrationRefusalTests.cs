using System.Diagnostics;
using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Migration;
using Ect.Tests.Creation;
using Ect.Tests.Support;

namespace Ect.Tests.Migration;

/// <summary>
/// Migration answers every header and payload with a result (issue 11): a lone surrogate escape where
/// it compares values was an InvalidOperationException, and deep nodes took minutes to copy.
/// </summary>
public class MigrationRefusalTests
{
    private const string Digest = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";

    public static IEnumerable<TestCaseData> LoneSurrogates()
    {
        yield return new TestCaseData("""{"par":["\ud800"],"pred":["x"]}""").SetName("ParAgainstPred");
        yield return new TestCaseData("""{"pol":"\ud800","ect_ext":{"pol":"p"}}""").SetName("PolAgainstExtensionPol");
        yield return new TestCaseData("""{"iss":"a","sub":"\udc00"}""").SetName("SubAgainstIss");
        yield return new TestCaseData("""{"inp_hash":"sha-256:\ud800"}""").SetName("Sha256Hash");
        yield return new TestCaseData("""{"\ud800":1}""").SetName("MemberName");
    }

    [TestCaseSource(nameof(LoneSurrogates))]
    public void LoneSurrogateEscapeIsMalformedAsVerificationCallsIt(string payloadJson)
    {
        var payload = JsonNode.Parse(payloadJson)!.AsObject();

        var result = EctMigrator.Migrate(Tokens.Header(EctDraft.Draft00), payload);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Error!.Code, Is.EqualTo(EctErrorCode.Malformed), result.Error.ToString());
    }

    [Test]
    public void LoneSurrogateInTheHeaderIsMalformed()
    {
        var header = JsonNode.Parse("""{"alg":"ES256","typ":"wimse-exec+jwt","kid":"\ud800"}""")!.AsObject();

        var result = EctMigrator.Migrate(header, Tokens.Payload(EctDraft.Draft00));

        Assert.That(result.Error?.Code, Is.EqualTo(EctErrorCode.Malformed));
    }

    [Test]
    public void EscapedButValidTextStillMigrates()
    {
        var payload = JsonNode.Parse($$"""{"iss":"a\u00e9","sub":"a\u00e9","inp_hash":"sha-256:{{Digest}}","par":["\ud83d\ude00"]}""")!.AsObject();

        var result = EctMigrator.Migrate(Tokens.Header(EctDraft.Draft00), payload);

        Assert.That(result.Succeeded, Is.True, result.Error?.ToString());
        Assert.That(result.Payload!["inp_hash"]!.GetValue<string>(), Is.EqualTo(Digest));
        Assert.That(result.Payload!.ContainsKey("sub"), Is.False);
    }

    [TestCase(257)]
    [TestCase(100_000)]
    public void DeepNodeIsMalformedAndQuick(int depth)
    {
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["par"] = CreateRefusalTests.Nested(depth - 1);
        var watch = Stopwatch.StartNew();

        var result = EctMigrator.Migrate(Tokens.Header(EctDraft.Draft00), payload);

        Assert.That(result.Error?.Code, Is.EqualTo(EctErrorCode.Malformed), result.Error?.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "bounded before the quadratic copy");
    }
}
