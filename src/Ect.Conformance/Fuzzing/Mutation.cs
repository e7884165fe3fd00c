namespace Ect.Conformance.Fuzzing;

/// <summary>What a generator did to a case, in words for the finding, and the rules it aimed at.</summary>
internal sealed record Mutation(string Description, IReadOnlyList<string> Rules)
{
    public static Mutation None { get; } = new("an honest token", []);
}
