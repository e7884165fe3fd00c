using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Ect.Benchmarks.Fixtures;
using Ect.Replay;
using Ect.Verification;

namespace Ect.Benchmarks.Benchmarks;

/// <summary>Verification on one core against all cores, and the replay cache under concurrent use.</summary>
[MemoryDiagnoser]
public class ConcurrencyBenchmarks
{
    private const int Batch = 256;
    private TypicalToken _fixture = null!;
    private EctVerifier _verifier = null!;
    private string[] _jtis = null!;
    private long _round;
    private ThreadLocal<ECDsa> _perThreadEcdsa = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = TypicalToken.Shared;
        _verifier = _fixture.CreateVerifier();
        var parameters = _fixture.PublicEcdsa.ExportParameters(false);
        _perThreadEcdsa = new ThreadLocal<ECDsa>(() => ECDsa.Create(parameters));
        _jtis = Enumerable.Range(0, Batch).Select(i => $"00000000-0000-4000-8000-{i:x12}").ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public void VerifyOneCore()
    {
        for (var i = 0; i < Batch; i++)
        {
            _verifier.Verify(_fixture.Token, TypicalToken.Now);
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void VerifyAllCores() => Parallel.For(0, Batch, _ => _verifier.Verify(_fixture.Token, TypicalToken.Now));

    /// <summary>
    /// The ECDSA primitive alone on all cores, one instance per thread as the engine holds them:
    /// how far the platform's verification scales sets the ceiling for the engine's.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void EcdsaAllCores() => Parallel.For(0, Batch, _ => _perThreadEcdsa.Value!.VerifyData(_fixture.SigningInput, _fixture.Signature, HashAlgorithmName.SHA256));

    [Benchmark(OperationsPerInvoke = Batch)]
    public void EcdsaOneCore()
    {
        for (var i = 0; i < Batch; i++)
        {
            _perThreadEcdsa.Value!.VerifyData(_fixture.SigningInput, _fixture.Signature, HashAlgorithmName.SHA256);
        }
    }

    /// <summary>Record-then-replay-check of fresh jtis from all cores into one bounded cache.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void ReplayCacheAllCores()
    {
        var cache = new MemoryReplayCache(capacity: 4 * Batch);
        var round = Interlocked.Increment(ref _round);
        Parallel.For(0, Batch, i =>
        {
            cache.TryRecord(_jtis[i], null, round + 600, round);
            cache.Contains(_jtis[i], null, round);
        });
    }
}
