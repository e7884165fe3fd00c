namespace Ect.Conformance.Cases;

/// <summary>
/// A case as a vector file is written: the case, plus comment lines for the elements of an input
/// list (a token's decoded header and payload), which the YAML carries as comments and no reader
/// sees as data.
/// </summary>
public sealed record CommentedCase(VectorCase Case)
{
    /// <summary>Comment lines per element of an input list, keyed by the list's member name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Comments { get; init; } =
        new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>();
}
