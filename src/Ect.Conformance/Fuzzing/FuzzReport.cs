using Ect.Conformance.Protocol;

namespace Ect.Conformance.Fuzzing;

/// <summary>What a campaign did and found.</summary>
internal sealed record FuzzReport
{
    public required ulong Seed { get; init; }

    public ImplementationInfo? Implementation { get; init; }

    /// <summary>Why the implementation could not be run at all; null when it ran.</summary>
    public string? StartError { get; init; }

    /// <summary>Cases generated and sent.</summary>
    public long Cases { get; init; }

    /// <summary>Cases the implementation skipped.</summary>
    public long Skipped { get; init; }

    /// <summary>Cases with a verdict disagreement (before deduplication).</summary>
    public long VerdictDisagreements { get; init; }

    public long DiagnosisDisagreements { get; init; }

    /// <summary>Cases the implementation gave no judgeable answer to.</summary>
    public long NoAnswers { get; init; }

    /// <summary>Cases whose expected result the profile leaves open (acceptable), by the choice the reference touched.</summary>
    public long Acceptable { get; init; }

    public int Restarts { get; init; }

    public TimeSpan Duration { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required IReadOnlyList<string> Operations { get; init; }

    public required IReadOnlyList<string> Drafts { get; init; }

    public string ReplayCommand { get; init; } = "";

    /// <summary>Exit status: 2 could not run, 1 a verdict disagreement (or, when strict, a diagnosis one), else 0.</summary>
    public int ExitCode(bool strictDiagnosis) =>
        StartError is not null ? 2
        : Findings.Any(f => f.Key.Kind is DisagreementKind.Verdict or DisagreementKind.NoAnswer || (strictDiagnosis && f.Key.Kind == DisagreementKind.Diagnosis)) ? 1
        : 0;
}
