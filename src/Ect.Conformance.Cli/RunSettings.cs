using Ect.Conformance.Runner;

namespace Ect.Conformance.Cli;

/// <summary>The <c>run</c> command's arguments, checked.</summary>
internal sealed record RunSettings
{
    /// <summary>What to judge, in order: one, or several side by side.</summary>
    public required IReadOnlyList<ImplementationSpec> Implementations { get; init; }

    /// <summary>A vectors folder or bundle file; null for the built-in corpus.</summary>
    public string? Vectors { get; init; }

    public required RunFilter Filter { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required TimeSpan StartTimeout { get; init; }

    public bool FailFast { get; init; }

    /// <summary>Hold every harness reply to the protocol's schemas too (<c>--strict-protocol</c>).</summary>
    public bool StrictProtocol { get; init; }

    /// <summary>Instances of the implementation run side by side (<c>--jobs</c>).</summary>
    public int Jobs { get; init; } = 1;

    public bool UpdateExpectations { get; init; }

    public required string ReportDir { get; init; }
}
