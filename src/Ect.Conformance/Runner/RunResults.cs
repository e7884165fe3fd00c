using Ect.Conformance.Protocol;

namespace Ect.Conformance.Runner;

/// <summary>Everything a run produced: the inputs that identify it and one result per run carried out.</summary>
public sealed record RunResults
{
    public required SuiteInfo Suite { get; init; }

    /// <summary>What the implementation declared; null when it never answered <c>start</c>.</summary>
    public ImplementationInfo? Implementation { get; init; }

    public required RunFilter Filter { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required TimeSpan Duration { get; init; }

    public required IReadOnlyList<RunResult> Runs { get; init; }

    /// <summary>Why the run could not be carried out (the harness never answered <c>start</c>); null when it was.</summary>
    public string? StartError { get; init; }

    /// <summary>True when fail-fast stopped the run before every selected run was done.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>How many runs the filter selected (those after a fail-fast stop included).</summary>
    public int Selected { get; init; }

    /// <summary>How often the harness had to be restarted.</summary>
    public int Restarts { get; init; }

    /// <summary>The tail of the harness's standard error, for out-of-process implementations.</summary>
    public string? HarnessLog { get; init; }
}
