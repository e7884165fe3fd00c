using System.Security.Cryptography;
using Ect.Conformance.Cases;

namespace Ect.Conformance.Runner;

/// <summary>What identifies the suite a run used: where it came from, its size and a hash of its content.</summary>
public sealed record SuiteInfo(string Path, int Cases, int Runs, string Hash)
{
    /// <summary>
    /// The hash covers every case (expected results included) in canonical JSON, ordered by id, so it
    /// changes exactly when a case changes and not when a file is reformatted or cases move between files.
    /// </summary>
    public static SuiteInfo Describe(VectorSuite suite, string path)
    {
        ArgumentNullException.ThrowIfNull(suite);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var c in suite.Cases.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            sha.AppendData(CanonicalJson.Serialize(c.ToJson()));
            sha.AppendData("\n"u8);
        }

        var hash = "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
        return new SuiteInfo(path, suite.Cases.Count, suite.Runs().Count(), hash);
    }
}
