namespace Ect.Conformance.Fuzzing;

/// <summary>What a fuzz campaign generates, for how long, and how it judges.</summary>
internal sealed record FuzzSettings
{
    /// <summary>The seed: the same seed draws the same cases, with the same answers (a signature's bytes aside).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Stop after this many cases; null for no bound but <see cref="Duration"/>.</summary>
    public long? MaxCases { get; init; }

    /// <summary>Stop generating after this long; null for no bound but <see cref="MaxCases"/>.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Operations to generate (empty: all the implementation declared).</summary>
    public IReadOnlyList<string> Operations { get; init; } = [];

    /// <summary>Modes to generate (empty: all the implementation declared).</summary>
    public IReadOnlyList<string> Drafts { get; init; } = [];

    /// <summary>Only cases that need one of these features (empty: any).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Only cases a generator aims at one of these rules (empty: any); each case draws until one does.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Time limit per case.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shrink each distinct disagreement to a minimal case.</summary>
    public bool Shrink { get; init; } = true;

    /// <summary>Cases the implementation is asked while shrinking one disagreement, at most.</summary>
    public int ShrinkBudget { get; init; } = 3000;

    /// <summary>A diagnosis disagreement fails the campaign.</summary>
    public bool StrictDiagnosis { get; init; }

    /// <summary>The command line that replays this campaign, quoted in every finding.</summary>
    public string ReplayCommand { get; init; } = "";
}
