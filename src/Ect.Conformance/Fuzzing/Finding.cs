using Ect.Conformance.Cases;

namespace Ect.Conformance.Fuzzing;

/// <summary>One distinct disagreement: the first case that showed it, shrunk, and how often it came back.</summary>
internal sealed record Finding
{
    public required DisagreementKey Key { get; init; }

    /// <summary>The shrunk case, a ready-to-review vector (id <c>fuzz::…</c>).</summary>
    public required VectorCase Case { get; init; }

    /// <summary>The generated case before shrinking.</summary>
    public required VectorCase Original { get; init; }

    /// <summary>The index of the first generated case that showed it.</summary>
    public required long Index { get; init; }

    /// <summary>Generated cases that showed it.</summary>
    public int Occurrences { get; init; } = 1;

    /// <summary>The judge's words on the shrunk case.</summary>
    public required string Detail { get; init; }

    public string? Stderr { get; init; }

    /// <summary>Reductions the shrinker kept, and cases it asked.</summary>
    public int ShrinkSteps { get; init; }

    public int ShrinkTries { get; init; }
}
