namespace Ect.Vectors.Catalog;

/// <summary>A Wycheproof-style flag: the class of bug a vector targets.</summary>
/// <param name="Name">The flag as vectors list it.</param>
/// <param name="BugType">Wycheproof's vocabulary: AUTH_BYPASS, MISSING_STEP, CAN_OF_WORMS, EDGE_CASE, MALLEABILITY, BER_ENCODING, MODIFIED_PARAMETER, FUNCTIONALITY, LEGACY, DEFINED, BASIC.</param>
/// <param name="Description">What the vectors with this flag contain.</param>
/// <param name="Effect">The bug an implementation has when it fails them.</param>
/// <param name="Links">Where the class of bug is documented.</param>
public sealed record Flag(string Name, string BugType, string Description, string Effect, params string[] Links);
