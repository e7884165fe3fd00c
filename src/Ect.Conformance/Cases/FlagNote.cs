namespace Ect.Conformance.Cases;

/// <summary>
/// What a vector flag means (<c>vectors/notes.yaml</c>, Wycheproof's notes): the class of bug it
/// catches (<see cref="BugType"/>, such as <c>AUTH_BYPASS</c>), what the vectors hold and the effect
/// of the bug, so a report can say why a failure matters.
/// </summary>
public sealed record FlagNote(string Name, string BugType, string Description, string Effect, IReadOnlyList<string> Links)
{
    /// <summary>The bug type of an accepted forgery: an implementation that fails such a case lets an attacker in.</summary>
    public const string AuthBypass = "AUTH_BYPASS";
}
