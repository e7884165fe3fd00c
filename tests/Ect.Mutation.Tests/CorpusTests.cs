using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Reference;
using Ect.Conformance.Runner;

namespace Ect.Mutation.Tests;

/// <summary>
/// The vector corpus as one test: every run on the reference engine, through the runner and the judge.
/// This is the test suite of the mutation run (mutation/run.sh), so a mutant of the engine survives
/// exactly when no vector notices it. One test rather than one per run because Stryker's per-test
/// handling of thousands of generated cases does not finish its initial run.
/// </summary>
public class CorpusTests
{
    /// <summary>The corpus bundle to run instead of the repository's <c>vectors/dist/ect-vectors.json</c>.</summary>
    public const string BundleVariable = "ECT_MUTATION_VECTORS";

    [Test]
    public async Task EveryVectorRunPassesOnTheReferenceEngine()
    {
        // The bundle rather than the YAML files: the same cases (`generate` writes both, `check` compares them),
        // read in a quarter of the time, which Stryker pays once per mutant. mutation/run.sh passes a copy taken
        // when the run starts, so that regenerating the vectors meanwhile cannot change the corpus under a run.
        var bundle = Environment.GetEnvironmentVariable(BundleVariable) is { Length: > 0 } copy ? copy : VectorsFolder.Bundle;
        var suite = VectorSuite.LoadPath(bundle);
        // Fail fast: one failing run already kills the mutant, and the rest of the corpus would only slow the run.
        var results = await new ConformanceRunner(new RunnerOptions { FailFast = true }).RunAsync(suite, bundle, new ReferenceImplementation());
        var failures = results.Runs.Where(r => r.Outcome != Outcome.Pass).Select(r => $"{r.Run.Key}: {r.Outcome}: {r.Judgement.Detail}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.StartError, Is.Null);
            Assert.That(results.StoppedEarly, Is.False, "stopped at the first failing run");
            Assert.That(results.Runs, Has.Count.EqualTo(suite.Runs().Count()).And.Count.GreaterThan(0));
            Assert.That(failures, Is.Empty);
        });
    }
}
