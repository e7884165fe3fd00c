using System.Security.Cryptography;

namespace Ect.Conformance.Cases;

/// <summary>
/// The one content hash of a vector corpus: the bundle's <c>content_hash</c> and the hash every
/// results file and report names. SHA-256 over each case's canonical JSON (<see cref="CanonicalJson"/>,
/// without <c>source</c>) followed by a line feed, the cases ordered by id (ordinal). It changes
/// exactly when a case changes, not when a file is reformatted or a case moves to another file.
/// </summary>
public static class CorpusHash
{
    public const string Prefix = "sha-256:";

    public static string Compute(IEnumerable<VectorCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var c in cases.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            sha.AppendData(CanonicalJson.Serialize(c.ToJson()));
            sha.AppendData("\n"u8);
        }

        return Prefix + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
