using Ect.Conformance.Cases;

namespace Ect.Conformance.Runner;

/// <summary>What identifies the corpus a run used: where it came from, its version, its size and its content hash (<see cref="CorpusHash"/>).</summary>
public sealed record SuiteInfo(string Path, int Cases, int Runs, string Hash, string Version = VectorSuite.Unversioned)
{
    public static SuiteInfo Describe(VectorSuite suite, string path)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return new SuiteInfo(path, suite.Cases.Count, suite.Runs().Count(), suite.ContentHash, suite.Version);
    }
}
