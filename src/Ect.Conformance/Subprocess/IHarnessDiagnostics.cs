namespace Ect.Conformance.Subprocess;

/// <summary>
/// Implemented by implementations that run out of process: what the harness wrote on standard
/// error, so that a report can show harness authors why a case went wrong.
/// </summary>
public interface IHarnessDiagnostics
{
    /// <summary>Standard error written since the previous call (bounded), or null when there was none.</summary>
    string? TakeCaseLog();

    /// <summary>The tail of everything the harness wrote on standard error (bounded).</summary>
    string SessionLog { get; }

    /// <summary>How many times the harness was started again after it crashed, hung or broke the protocol.</summary>
    int Restarts { get; }
}
