namespace Ect.Conformance.Runner;

/// <summary>How a run is carried out.</summary>
public sealed record RunnerOptions
{
    public RunFilter Filter { get; init; } = new();

    /// <summary>The time limit for one case (harness protocol §3: 5 s unless configured).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stop after the first run that <see cref="IsFailure"/> calls a failure.</summary>
    public bool FailFast { get; init; }

    /// <summary>
    /// Decides what counts as a failure for <see cref="FailFast"/>. The default is any declared run
    /// that did not pass; with an expectations file the caller passes "did not match its expectation".
    /// </summary>
    public Func<RunResult, bool>? IsFailure { get; init; }

    /// <summary>Called after every run, one call at a time (from whichever instance's worker finished it).</summary>
    public Action<RunProgress>? Progress { get; init; }
}
