using BenchmarkDotNet.Attributes;
using Ect.Conformance.Fuzzing;

namespace Ect.Benchmarks.Benchmarks;

/// <summary>
/// One fuzz case: drawn by its seeded generator, rendered (tokens signed), and answered by the
/// reference engine observed for the profile's open choices, which is what <c>fuzz</c> spends per
/// case before it asks the implementation. Cases cycle through 512 indexes of one seed, so every
/// generator branch of the operation is in the mean.
/// </summary>
[MemoryDiagnoser]
public class FuzzOracleBenchmarks
{
    private CaseGenerator _generator = null!;
    private long _index;

    [Params("verify", "dag", "create", "migrate", "http-header")]
    public string Operation { get; set; } = "verify";

    [GlobalSetup]
    public void Setup() => _generator = new CaseGenerator([Operation], []);

    [Benchmark]
    public object? GenerateAndAnswer()
    {
        var index = _index++ % 512;
        var generated = _generator.Generate(new Random(FuzzCampaign.CaseSeed(1, index)), "fuzz::bench::case");
        return Oracle.Ask(generated);
    }
}
