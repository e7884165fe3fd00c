using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
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
            var json = new JsonObject
            {
                ["id"] = c.Id,
                ["description"] = c.Description,
                ["rules"] = Strings(c.Rules),
                ["drafts"] = Strings(c.Drafts),
                ["features"] = Strings(c.Features),
                ["flags"] = Strings(c.Flags),
                ["operation"] = c.Operation,
                ["input"] = c.Input.DeepClone(),
                ["expected"] = c.Expected.DeepClone(),
            };
            sha.AppendData(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(json)));
            sha.AppendData("\n"u8);
        }

        var hash = "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
        return new SuiteInfo(path, suite.Cases.Count, suite.Runs().Count(), hash);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
