using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// A generated case before it is sent: its operation and mode, and its input with every token still
/// a <see cref="TokenRecipe"/>, so the shrinker can take it apart and sign it again.
/// </summary>
internal sealed record FuzzCase
{
    /// <summary>A vector id: <c>fuzz::OPERATION::SEED-INDEX</c>.</summary>
    public required string Id { get; init; }

    public required string Operation { get; init; }

    /// <summary>The mode, "00" or "01".</summary>
    public required string Draft { get; init; }

    /// <summary>The input, tokens as recipes; <see cref="CaseRenderer"/> turns it into what a harness receives.</summary>
    public required JsonObject Recipe { get; init; }

    /// <summary>What the generator did, and the rules it aimed at.</summary>
    public required Mutation What { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    public EctDraft Mode => Draft == "00" ? EctDraft.Draft00 : EctDraft.Draft01;
}
