using Ect.Conformance.Runner;

namespace Ect.Conformance.Expectations;

/// <summary>Every run's standing against the expectations, and the entries that name no case any more.</summary>
public sealed record ExpectationReport(IReadOnlyDictionary<string, RunExpectation> Runs, IReadOnlyList<StaleExpectation> Stale, string? Source)
{
    public RunExpectation For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Runs[result.Run.Key];
    }

    public int UnexpectedCount => Runs.Values.Count(r => r.Status == ExpectationStatus.Unexpected);

    /// <summary>True when every run passed or matched its entry and no entry is stale: exit status 0.</summary>
    public bool AllAsExpected => UnexpectedCount == 0 && Stale.Count == 0;
}
