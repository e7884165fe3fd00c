namespace Ect.Conformance.Subprocess;

/// <summary>How a harness subprocess is started and watched.</summary>
public sealed record SubprocessOptions
{
    /// <summary>Where the command line runs; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How long the harness may take to answer <c>start</c> (interpreters and JITs start slowly).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Restarts in a row that may fail before the remaining cases are reported crashed without trying again.</summary>
    public int MaxFailedRestarts { get; init; } = 3;

    /// <summary>How much of the harness's standard error is kept for the whole session.</summary>
    public int SessionLogLimit { get; init; } = 64 * 1024;

    /// <summary>
    /// The longest line of standard output read (64 MiB): a reply holds a few payloads, and a harness
    /// printing more without a newline is broken. Longer lines are cut and never kept.
    /// </summary>
    public int MaxLineBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>How much of the harness's standard error is kept for one case.</summary>
    public int CaseLogLimit { get; init; } = 4 * 1024;

    /// <summary>
    /// Holds every reply to the protocol's schemas too (<see cref="Protocol.ProtocolSchemas"/>): a run
    /// reply that breaks its schema is errored, a start reply that breaks its schema stops the run.
    /// </summary>
    public bool StrictProtocol { get; init; }
}
