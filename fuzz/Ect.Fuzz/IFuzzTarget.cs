using Ect.Fuzz.Seeds;

namespace Ect.Fuzz;

/// <summary>
/// One attack surface, fuzzed through one entry point (after dotnet/runtime's <c>IFuzzer</c>).
/// <see cref="Run"/> catches only the outcomes the API under test promises; any other exception,
/// including an <see cref="Oracles.OracleViolationException"/>, is a finding.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name used on the command line, in <c>fuzz/regressions/NAME/</c> and in <c>fuzz/corpora/NAME/</c>.</summary>
    string Name { get; }

    /// <summary>One line: what the input is and what is asserted.</summary>
    string Description { get; }

    /// <summary>The assemblies (file names) whose code the fuzzer should see: SharpFuzz instruments exactly these.</summary>
    IReadOnlyList<string> InstrumentedAssemblies { get; }

    /// <summary>Dictionary files under <c>fuzz/dictionaries/</c> that afl-fuzz gets with <c>-x</c>.</summary>
    IReadOnlyList<string> Dictionaries { get; }

    /// <summary>Runs one input. Returns normally for every outcome the API promises; throws on a finding.</summary>
    void Run(ReadOnlySpan<byte> input);

    /// <summary>Starting inputs: hand-built ones, and those derived from the vector corpus when it is there.</summary>
    IEnumerable<Seed> Seeds(SeedSource source);
}
