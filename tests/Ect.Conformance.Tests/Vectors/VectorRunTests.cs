using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;

namespace Ect.Conformance.Tests.Vectors;

/// <summary>Every committed case, in every mode it applies to, run on the reference engine: the verdict and the error code must be right.</summary>
public class VectorRunTests
{
    public static IEnumerable<TestCaseData> Runs() =>
        VectorRepository.Suite.Runs().Select(run => new TestCaseData(run).SetName(run.Key));

    [TestCaseSource(nameof(Runs))]
    public void ReferenceEnginePasses(CaseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var reply = HarnessReply.FromResults(ReferenceEngine.Execute(run.ToRequestCase()));
        var judgement = Judge.Evaluate(run.Case, reply);
        Assert.That(judgement.Outcome, Is.EqualTo(Outcome.Pass), () => $"{run.Key} ({run.Case.Source}): {judgement.Detail}");
    }
}
