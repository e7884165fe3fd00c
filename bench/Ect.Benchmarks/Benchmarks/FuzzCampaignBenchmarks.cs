using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Ect.Benchmarks.Fixtures;
using Ect.Conformance.Fuzzing;
using Ect.Conformance.Reference;

namespace Ect.Benchmarks.Benchmarks;

/// <summary>
/// <c>fuzz --impl reference</c>: the first <see cref="Cases"/> cases of seed 1 (every operation,
/// both modes), each drawn, rendered and signed, answered by the observed reference (the oracle),
/// sent to the in-process reference implementation and judged. <see cref="CampaignCase"/> runs
/// them on one instance (the next case prepared ahead on another core, as against a harness);
/// <see cref="ParallelCampaignCase"/> on one instance per core, whole cases at once, as the command
/// does. The mean is per case, so 10^9 / mean is the campaign's cases per second, and the two
/// means of one run give what the parallel campaign gains; the floor (one raw ES256 verification,
/// as in <see cref="VerificationBenchmarks"/>) gives the ratio that <c>compare</c> tracks across
/// machines.
/// </summary>
[MemoryDiagnoser]
public class FuzzCampaignBenchmarks
{
    private const int Cases = 256;

    private TypicalToken _fixture = null!;
    private ReferenceImplementation _reference = null!;
    private ReferenceImplementation[] _perCore = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = TypicalToken.Shared;
        _reference = new ReferenceImplementation();
        _perCore = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new ReferenceImplementation())];
        if (!EcdsaFloor() || CampaignCase().GetAwaiter().GetResult() != Cases || ParallelCampaignCase().GetAwaiter().GetResult() != Cases)
        {
            throw new InvalidOperationException("the reference does not run every case of the benchmark's campaign");
        }
    }

    [Benchmark(Baseline = true)]
    public bool EcdsaFloor() => _fixture.PublicEcdsa.VerifyData(_fixture.SigningInput, _fixture.Signature, HashAlgorithmName.SHA256);

    [Benchmark(OperationsPerInvoke = Cases)]
    public async Task<long> CampaignCase()
    {
        var report = await new FuzzCampaign(new FuzzSettings { Seed = 1, MaxCases = Cases, Shrink = false }).RunAsync(_reference).ConfigureAwait(false);
        return report.VerdictDisagreements == 0 ? report.Cases : -1;
    }

    [Benchmark(OperationsPerInvoke = Cases)]
    public async Task<long> ParallelCampaignCase()
    {
        var report = await new FuzzCampaign(new FuzzSettings { Seed = 1, MaxCases = Cases, Shrink = false }).RunAsync(_perCore).ConfigureAwait(false);
        return report.VerdictDisagreements == 0 ? report.Cases : -1;
    }
}
