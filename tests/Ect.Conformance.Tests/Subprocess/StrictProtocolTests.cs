using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Runner;
using Ect.Conformance.Subprocess;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Subprocess;

/// <summary><c>--strict-protocol</c>: replies are held to the protocol's schemas as well as read leniently.</summary>
public class StrictProtocolTests
{
    [TestCase(false, Outcome.Pass, TestName = "An off-schema reply with the right verdict passes when read leniently")]
    [TestCase(true, Outcome.Errored, TestName = "An off-schema reply is errored under strict protocol")]
    public async Task OffSchemaReply(bool strict, Outcome victim)
    {
        var results = await RunAsync("off_schema.py", strict);
        var byKey = results.Runs.ToDictionary(r => r.Run.Key);
        Assert.That(byKey["robust::b-victim@01"].Outcome, Is.EqualTo(victim), byKey["robust::b-victim@01"].Judgement.Detail);
        if (strict)
        {
            Assert.That(byKey["robust::b-victim@01"].Judgement.Detail, Does.Contain("strict protocol").And.Contain("run-reply.schema.json").And.Contain("/results/0/payload"));
        }

        // The reply was in step: nothing was restarted and the cases around it pass.
        Assert.That(results.Restarts, Is.Zero);
        Assert.That(results.Runs.Where(r => r.Run.Key != "robust::b-victim@01").Select(r => r.Outcome), Is.All.EqualTo(Outcome.Pass));
    }

    [Test]
    public async Task AWellBehavedHarnessPassesEverythingUnderStrictProtocol()
    {
        var results = await RunAsync("well_behaved.py", strict: true);
        Assert.That(results.StartError, Is.Null);
        Assert.That(results.Runs.Select(r => r.Outcome), Is.All.EqualTo(Outcome.Pass), string.Join("\n", results.Runs.Select(r => r.Judgement.Detail)));
    }

    [TestCase("""{"version":1,"implementation":{"name":"x","language":"c","version":"1","drafts":["01"],"operations":["dag"]}}""", new string[0])]
    [TestCase("""{"version":2,"implementation":{"name":"x"}}""", new[] { "/version" })]
    [TestCase("""[1,2]""", new[] { "/" })]
    [TestCase("""{"version":""", new[] { "not JSON" })]
    public void StartRepliesAreCheckedAgainstTheirSchema(string reply, string[] problemsAt)
    {
        var problems = ProtocolSchemas.Problems(ProtocolSchemas.StartReply, System.Text.Encoding.UTF8.GetBytes(reply));
        Assert.That(problems, problemsAt.Length == 0 ? Is.Empty : Is.Not.Empty);
        foreach (var at in problemsAt)
        {
            Assert.That(problems, Has.Some.Contains(at));
        }
    }

    [Test]
    public void AReplyTooLongToCheckIsLeftToTheLenientReader()
    {
        var huge = System.Text.Encoding.UTF8.GetBytes("[" + new string(' ', ProtocolSchemas.MaxCheckedBytes) + "]");
        Assert.That(ProtocolSchemas.Problems(ProtocolSchemas.RunReply, huge), Is.Empty);
    }

    private static async Task<RunResults> RunAsync(string script, bool strict)
    {
        await using var harness = new SubprocessImplementation(TestFixtures.Harness(script), new SubprocessOptions { StartTimeout = TimeSpan.FromSeconds(10), StrictProtocol = strict });
        return await new ConformanceRunner(new RunnerOptions { Timeout = TimeSpan.FromSeconds(5) }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
    }
}
