using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;

namespace Ect.Vectors.Generation;

/// <summary>Runs every case in every mode on the in-process reference engine and judges it: the quick loop while writing vectors.</summary>
public static class SelfTest
{
    public static IReadOnlyList<(CaseRun Run, Judgement Judgement)> Failures(VectorSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var failures = new List<(CaseRun, Judgement)>();
        foreach (var run in suite.Runs())
        {
            HarnessReply reply;
            try
            {
                reply = HarnessReply.FromResults(ReferenceEngine.Execute(run.ToRequestCase()));
            }
            catch (FormatException e)
            {
                reply = HarnessReply.Errored(e.Message);
            }

            var judgement = Judge.Evaluate(run.Case, reply);
            if (judgement.Outcome != Outcome.Pass)
            {
                failures.Add((run, judgement));
            }
        }

        return failures;
    }
}
