using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Ect.Benchmarks.Fixtures;
using Ect.Conformance.Fuzzing;
using Ect.Conformance.Reference;

namespace Ect.Benchmarks.Benchmarks;

/// <summary>
/// <c>fuzz --impl reference</c>, one case at a time: the first <see cref="Cases"/> cases of seed 1
/// (every operation, both modes), each drawn, rendered and signed, answered by the observed
/// reference (the oracle), sent to the in-process reference implementation and judged. The mean
/// is per case, so 10^9 / mean is the campaign's cases per second; the floor (one raw ES256
/// verification, as in <see cref="VerificationBenchmarks"/>) gives the ratio that
/// <c>compare</c> tracks across machines.
/// </summary>
[MemoryDiagnoser]
public class FuzzCampaignBenchmarks
{
    private const int Cases = 256;

    private TypicalToken _fixture = null!;
    private ReferenceImplementation _reference = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = TypicalToken.Shared;
        _reference = new ReferenceImplementation();
        if (!EcdsaFloor() || CampaignCase().GetAwaiter().GetResult() != Cases)
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
}
