using Ect.Dag;

namespace Ect.Verification;

/// <summary>
/// Every verifier parameter of the profile (section 1), with its defaults. Durations are whole
/// seconds, as on the wire.
/// </summary>
public sealed record VerifierOptions
{
    /// <summary>This verifier's identity; it must appear in <c>aud</c> (CLM-2).</summary>
    public required string VerifierId { get; init; }

    /// <summary>The algorithm allowlist (HDR-2). This engine implements ES256 only; listing anything else allows nothing more.</summary>
    // Stryker disable all : unreachable: a case states every parameter (the loader fills in the profile's defaults), so the option reader sets each one and no case sees these defaults; the engine's own tests hold them
    public IReadOnlyList<string> AllowedAlgorithms { get; init; } = ["ES256"];
    // Stryker restore all

    public long IatMaxAgeSeconds { get; init; } = 900;

    public long IatMaxFutureSeconds { get; init; } = 30;

    public long ExpLeewaySeconds { get; init; }

    public int MaxPredLength { get; init; } = 100;

    public long DagClockSkewSeconds { get; init; } = 30;

    public int MaxAncestors { get; init; } = 10_000;

    public int ExtMaxBytes { get; init; } = 4096;

    public int ExtMaxDepth { get; init; } = 5;

    // Stryker disable all : unreachable: a case states every parameter, so no case sees this default (as AllowedAlgorithms)
    public bool ValidateUuids { get; init; } = true;
    // Stryker restore all

    // Stryker disable all : unreachable: a case states every parameter, so no case sees this default (as AllowedAlgorithms)
    public bool ReplayCheck { get; init; } = true;
    // Stryker restore all

    public int MaxTokenBytes { get; init; } = 65_536;

    /// <summary>Feature <c>levels</c>: the lowest assurance level accepted (1 = unsigned JSON, 2 = JWS).</summary>
    public int MinimumLevel { get; init; } = 2;

    internal ClaimRules ClaimRules => new(ValidateUuids, ExtMaxBytes, ExtMaxDepth);

    /// <summary>The DAG parameters among these options, for <see cref="DagValidator"/> on its own.</summary>
    public DagOptions DagOptions => new()
    {
        MaxPredLength = MaxPredLength,
        ClockSkewSeconds = DagClockSkewSeconds,
        MaxAncestors = MaxAncestors,
    };
}
