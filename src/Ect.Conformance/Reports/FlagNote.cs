namespace Ect.Conformance.Reports;

/// <summary>What a vector flag means (vectors/notes.yaml, Wycheproof style): the kind of bug and its effect.</summary>
public sealed record FlagNote(string Flag, string BugType, string Description, string Effect, IReadOnlyList<string> Links)
{
    /// <summary>The bug type of flags that let a forged or misdirected token through.</summary>
    public const string AuthBypass = "AUTH_BYPASS";
}
