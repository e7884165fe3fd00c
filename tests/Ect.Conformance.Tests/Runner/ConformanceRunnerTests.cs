using System.Text.Json.Nodes;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;
using Ect.Conformance.Runner;
using Ect.Conformance.Subprocess;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Runner;

public class ConformanceRunnerTests
{
    [Test]
    public async Task ReferenceImplementationPassesEveryFixtureRun()
    {
        var suite = TestFixtures.Vectors();
        var results = await new ConformanceRunner().RunAsync(suite, "fixtures", new ReferenceImplementation());
        Assert.Multiple(() =>
        {
            Assert.That(results.Runs, Has.Count.EqualTo(suite.Runs().Count()));
            Assert.That(results.Runs.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Run.Key}: {r.Judgement.Detail}"), Is.Empty);
            Assert.That(results.Implementation, Is.EqualTo(ReferenceEngine.Info));
            Assert.That(results.Suite.Cases, Is.EqualTo(suite.Cases.Count));
            Assert.That(results.Suite.Hash, Does.Match("^sha-256:[0-9a-f]{64}$"));
        });
    }

    [Test]
    public async Task OnlyDeclaredRunsAreSent()
    {
        var implementation = new ScriptedImplementation(
            ScriptedImplementation.Declaring(drafts: ["01"], operations: ["dag", "verify", "migrate", "create"]),
            _ => HarnessReply.Skipped("not looking"));
        var results = await new ConformanceRunner().RunAsync(TestFixtures.Vectors(), "fixtures", implementation);
        var notSent = results.Runs.Where(r => !r.Declared).ToDictionary(r => r.Run.Key, r => r.Judgement.Detail);
        Assert.Multiple(() =>
        {
            Assert.That(notSent["dag::pred-not-found@00"], Is.EqualTo("not declared: draft 00"));
            Assert.That(notSent["verify::valid-root-00@00"], Is.EqualTo("not declared: draft 00"));
            Assert.That(notSent["http-header::two-members@01"], Is.EqualTo("not declared: operation http-header, feature http-header"));
            Assert.That(notSent.Keys, Has.Count.EqualTo(3));
            Assert.That(results.Runs.Where(r => !r.Declared).Select(r => r.Outcome), Is.All.EqualTo(Outcome.Skipped));
            Assert.That(implementation.Requests.Select(r => r.Case["id"]!.GetValue<string>()), Has.None.EqualTo("http-header::two-members"));
            Assert.That(implementation.Requests, Has.Count.EqualTo(results.Runs.Count - 3));
        });
    }

    [Test]
    public async Task SeqCountsSentRunsFromOne()
    {
        var implementation = new ScriptedImplementation(ScriptedImplementation.Declaring(), _ => HarnessReply.Skipped("no"));
        await new ConformanceRunner().RunAsync(TestFixtures.Vectors(), "fixtures", implementation);
        Assert.That(implementation.Requests.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, implementation.Requests.Count).Select(i => (long)i)));
    }

    [TestCase(new[] { "dag::*" }, null, null, null, null, null, 6)]
    [TestCase(new[] { "*@00" }, null, null, null, null, null, 2)]
    [TestCase(new[] { "verify::alg-none", "migrate::sub-differs" }, null, null, null, null, null, 2)]
    [TestCase(null, new[] { "DAG-*" }, null, null, null, null, 6)]
    [TestCase(null, new[] { "MIG-5" }, null, null, null, null, 2)]
    [TestCase(null, null, new[] { "verify" }, null, null, null, 5)]
    [TestCase(null, null, null, new[] { "00" }, null, null, 2)]
    [TestCase(null, null, null, null, new[] { "http-header" }, null, 1)]
    [TestCase(null, null, null, null, null, new[] { "create", "migrate" }, 3)]
    [TestCase(new[] { "dag::*" }, null, null, new[] { "01" }, null, null, 5)]
    public async Task FiltersSelectRuns(string[]? ids, string[]? rules, string[]? topics, string[]? drafts, string[]? features, string[]? operations, int expected)
    {
        var filter = new RunFilter
        {
            Ids = ids ?? [],
            Rules = rules ?? [],
            Topics = topics ?? [],
            Drafts = drafts ?? [],
            Features = features ?? [],
            Operations = operations ?? [],
        };
        var results = await new ConformanceRunner(new RunnerOptions { Filter = filter }).RunAsync(TestFixtures.Vectors(), "fixtures", new ReferenceImplementation());
        Assert.That(results.Runs, Has.Count.EqualTo(expected));
        Assert.That(results.Runs.Select(r => r.Outcome), Is.All.EqualTo(Outcome.Pass));
    }

    [Test]
    public async Task FailFastStopsAtTheFirstFailure()
    {
        var implementation = new ScriptedImplementation(ScriptedImplementation.Declaring(),
            c => c["id"]!.GetValue<string>() == "dag::pred-not-found" ? HarnessReply.FromResults([new JsonObject { ["result"] = "valid" }]) : new ReferenceImplementation().RunAsync(0, c, TimeSpan.Zero, default).Result);
        var results = await new ConformanceRunner(new RunnerOptions { FailFast = true }).RunAsync(TestFixtures.Vectors(), "fixtures", implementation);
        Assert.Multiple(() =>
        {
            Assert.That(results.StoppedEarly, Is.True);
            Assert.That(results.Runs[^1].Run.Key, Is.EqualTo("dag::pred-not-found@00"));
            Assert.That(results.Runs[^1].Outcome, Is.EqualTo(Outcome.Fail));
            Assert.That(results.Runs.Take(results.Runs.Count - 1).Select(r => r.Outcome), Is.All.EqualTo(Outcome.Pass));
            Assert.That(results.Selected, Is.GreaterThan(results.Runs.Count));
        });
    }

    [Test]
    public async Task ProgressIsReportedAfterEveryRun()
    {
        var seen = new List<RunProgress>();
        var results = await new ConformanceRunner(new RunnerOptions { Progress = seen.Add }).RunAsync(TestFixtures.Vectors(), "fixtures", new ReferenceImplementation());
        Assert.That(seen.Select(p => p.Done), Is.EqualTo(Enumerable.Range(1, results.Runs.Count)));
        Assert.That(seen.Select(p => p.Total), Is.All.EqualTo(results.Runs.Count));
        Assert.That(seen.Select(p => p.Last), Is.EqualTo(results.Runs));
    }

    [Test]
    public async Task AnImplementationThatThrowsErrsThatCaseOnly()
    {
        var implementation = new ScriptedImplementation(ScriptedImplementation.Declaring(),
            c => c["id"]!.GetValue<string>() == "dag::root-is-valid" ? throw new InvalidOperationException("bug") : HarnessReply.Skipped("no"));
        var results = await new ConformanceRunner().RunAsync(TestFixtures.Vectors(), "fixtures", implementation);
        var broken = results.Runs.Single(r => r.Run.Key == "dag::root-is-valid@01");
        Assert.That(broken.Outcome, Is.EqualTo(Outcome.Errored));
        Assert.That(broken.Judgement.Detail, Does.Contain("InvalidOperationException: bug"));
        Assert.That(results.Runs.Count(r => r.Outcome == Outcome.Skipped), Is.EqualTo(results.Runs.Count - 1));
    }

    [Test]
    public async Task EmptySuiteRunsNothing()
    {
        var results = await new ConformanceRunner().RunAsync(Ect.Conformance.Cases.VectorSuite.FromCases([]), "empty", new ReferenceImplementation());
        Assert.That(results.Runs, Is.Empty);
        Assert.That(results.StartError, Is.Null);
    }

    [Test]
    public void SuiteHashChangesWithContentOnly()
    {
        var suite = TestFixtures.Vectors();
        var reordered = Ect.Conformance.Cases.VectorSuite.FromCases(suite.Cases.Reverse());
        var changed = Ect.Conformance.Cases.VectorSuite.FromCases(suite.Cases.Select((c, i) => i == 0 ? c with { Description = c.Description + "!" } : c));
        Assert.That(SuiteInfo.Describe(reordered, "x").Hash, Is.EqualTo(SuiteInfo.Describe(suite, "x").Hash));
        Assert.That(SuiteInfo.Describe(changed, "x").Hash, Is.Not.EqualTo(SuiteInfo.Describe(suite, "x").Hash));
    }

    [TestCase("python3 harness.py", new[] { "python3", "harness.py" })]
    [TestCase("/usr/bin/python3 -B '/a b/h.py' --x", new[] { "/usr/bin/python3", "-B", "/a b/h.py", "--x" })]
    [TestCase("node \"my dir/h.js\" a\\ b", new[] { "node", "my dir/h.js", "a b" })]
    [TestCase("cd x && ./h", null)]
    [TestCase("FOO=1 ./h", null)]
    [TestCase("./h | tee log", null)]
    [TestCase("./h \"$HOME\"", null)]
    [TestCase("./h 'unclosed", null)]
    public void CommandLinesSplitLikeAShell(string commandLine, string[]? words) =>
        Assert.That(CommandLine.TrySplit(commandLine), Is.EqualTo(words));

    [TestCase("dag::*", "dag::x::y", true)]
    [TestCase("dag::*", "verify::dag", false)]
    [TestCase("*@00", "a::b@00", true)]
    [TestCase("DAG-?", "DAG-10", false)]
    [TestCase("a.b::c", "a.b::c", true)]
    [TestCase("a.b::c", "aXb::c", false)]
    public void GlobsMatchWholeIds(string pattern, string text, bool matches) => Assert.That(Glob.IsMatch(pattern, text), Is.EqualTo(matches));

    [Test]
    public void JsonTextWritesEscapedLoneSurrogatesAsTheyCame()
    {
        // System.Text.Json refuses to re-encode this parsed value; reports and replies must not.
        var parsed = JsonNode.Parse("{\"a\": \"x\\ud800y\", \"b\": [1, \"\u00e9+\"]}");
        Assert.Throws<InvalidOperationException>(() => parsed!.ToJsonString());
        Assert.That(JsonText.Serialize(parsed), Is.EqualTo("{\"a\":\"x\\ud800y\",\"b\":[1,\"\u00e9+\"]}"));
        Assert.That(JsonNode.Parse(JsonText.Pretty(parsed, relaxed: true)), Is.Not.Null);
        Assert.That(JsonText.Serialize(new JsonObject { ["k"] = "a+b" }), Is.EqualTo("{\"k\":\"a\\u002Bb\"}"));
    }
}
