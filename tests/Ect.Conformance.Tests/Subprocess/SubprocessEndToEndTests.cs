using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;
using Ect.Conformance.Runner;
using Ect.Conformance.Subprocess;
using Ect.Conformance.Tests.Protocol;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Subprocess;

/// <summary>The subprocess path against known-good harnesses gives the same outcomes as the in-process reference.</summary>
public class SubprocessEndToEndTests
{
    [Test]
    public async Task CliHarnessMatchesInProcessReference()
    {
        var suite = TestFixtures.Vectors();
        var inProcess = await new ConformanceRunner().RunAsync(suite, "fixtures", new ReferenceImplementation());
        await using var harness = new SubprocessImplementation(TestFixtures.CliHarness);
        var subprocess = await new ConformanceRunner(new RunnerOptions { Timeout = TimeSpan.FromSeconds(20) }).RunAsync(suite, "fixtures", harness);

        Assert.That(subprocess.StartError, Is.Null);
        Assert.That(subprocess.Implementation, Is.EqualTo(ReferenceEngine.Info).Using<ImplementationInfo>((a, b) => a.Name == b.Name && a.Drafts.SequenceEqual(b.Drafts) && a.Features.SequenceEqual(b.Features)));
        Assert.That(Outcomes(subprocess), Is.EqualTo(Outcomes(inProcess)));
        Assert.That(subprocess.Restarts, Is.Zero);
    }

    [Test]
    public async Task PythonHarnessRunsTheFixtures()
    {
        if (!ProtocolSchemaTests.PythonHarnessAvailable())
        {
            Assert.Ignore("python3-jwt / python3-cryptography not installed (harnesses/python/install.sh)");
        }

        await using var harness = new SubprocessImplementation($"/usr/bin/python3 -B '{ProtocolSchemaTests.PythonHarnessPath()}'");
        var results = await new ConformanceRunner(new RunnerOptions { Timeout = TimeSpan.FromSeconds(20) }).RunAsync(TestFixtures.Vectors(), "fixtures", harness);
        Assert.That(results.StartError, Is.Null);
        Assert.That(results.Implementation!.Name, Is.EqualTo("ect-py-example"));
        Assert.That(results.Runs.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Run.Key}: {r.Judgement.Detail}"), Is.Empty);
    }

    private static Dictionary<string, Outcome> Outcomes(RunResults results) => results.Runs.ToDictionary(r => r.Run.Key, r => r.Outcome);
}
