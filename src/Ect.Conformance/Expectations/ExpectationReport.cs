using Ect.Conformance.Runner;

namespace Ect.Conformance.Expectations;

/// <summary>
/// Every run's standing against the expectations, the entries that name no case any more, and the
/// entries still holding the placeholder reason <c>--update-expectations</c> writes.
/// </summary>
public sealed record ExpectationReport(IReadOnlyDictionary<string, RunExpectation> Runs, IReadOnlyList<StaleExpectation> Stale, string? Source)
{
    /// <summary>Keys of entries whose reason is still <see cref="ExpectationFile.TodoReason"/>: a deviation nobody explained fails the run.</summary>
    public IReadOnlyList<string> Unexplained { get; init; } = [];

    public RunExpectation For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Runs[result.Run.Key];
    }

    public int UnexpectedCount => Runs.Values.Count(r => r.Status == ExpectationStatus.Unexpected);

    /// <summary>True when every run passed or matched its entry, no entry is stale and every entry has a reason: exit status 0.</summary>
    public bool AllAsExpected => UnexpectedCount == 0 && Stale.Count == 0 && Unexplained.Count == 0;
}
