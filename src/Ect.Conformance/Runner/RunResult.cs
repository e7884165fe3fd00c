using Ect.Conformance.Cases;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Runner;

/// <summary>One run (case × mode) as it ended.</summary>
public sealed record RunResult(CaseRun Run, Judgement Judgement, TimeSpan Duration)
{
    public Outcome Outcome => Judgement.Outcome;

    /// <summary>False when the run was not sent because the implementation did not declare its draft, operation or features.</summary>
    public bool Declared { get; init; } = true;

    /// <summary>What the harness wrote on stderr while it handled this run (bounded), when anything.</summary>
    public string? Stderr { get; init; }

    /// <summary>The implementation's reply for errored, skipped, timed-out and crashed runs (their message).</summary>
    public string? ReplyMessage { get; init; }
}
