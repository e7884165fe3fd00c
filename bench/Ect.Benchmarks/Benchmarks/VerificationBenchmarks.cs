using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Ect.Benchmarks.Fixtures;
using Ect.Verification;
using Jose;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ect.Benchmarks.Benchmarks;

/// <summary>
/// End-to-end verification of one typical token against the floor (raw ECDSA over the same
/// signing input: nothing can verify faster), jose-jwt with the algorithm pinned, and
/// Microsoft.IdentityModel's JsonWebTokenHandler — what a .NET user would otherwise pick.
/// </summary>
[MemoryDiagnoser]
public class VerificationBenchmarks
{
    private TypicalToken _fixture = null!;
    private EctVerifier _verifier = null!;
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = TypicalToken.Shared;
        _verifier = _fixture.CreateVerifier();
        _handler = new JsonWebTokenHandler();
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(_fixture.PublicEcdsa) { KeyId = "agent-a" },
            ValidAudience = TypicalToken.VerifierId,
            ValidIssuer = TypicalToken.Issuer,
            ValidAlgorithms = ["ES256"],
            ValidTypes = ["exec+jwt"],
            // The fixed token was issued at a fixed time; lifetime is checked by our engine against the same clock.
            ValidateLifetime = false,
        };
        var engine = _verifier.Verify(_fixture.Token, TypicalToken.Now);
        var identityModel = _handler.ValidateTokenAsync(_fixture.Token, _parameters).GetAwaiter().GetResult();
        if (!engine.IsValid || !EcdsaFloor() || !identityModel.IsValid)
        {
            throw new InvalidOperationException($"the benchmark token does not verify: engine {engine}, identity model {identityModel.Exception?.Message}");
        }
    }

    [Benchmark(Baseline = true)]
    public bool EcdsaFloor() => _fixture.PublicEcdsa.VerifyData(_fixture.SigningInput, _fixture.Signature, HashAlgorithmName.SHA256);

    /// <summary>
    /// The same primitive called the way the engine calls it (span input, r‖s format): its
    /// allocation is what "excluding the ECDSA primitive" subtracts from the engine's.
    /// </summary>
    [Benchmark]
    public bool EcdsaAsEngineCallsIt() =>
        _fixture.PublicEcdsa.VerifyData(_fixture.SigningInput.AsSpan(), _fixture.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    [Benchmark]
    public bool EngineVerify() => _verifier.Verify(_fixture.Token, TypicalToken.Now).IsValid;

    [Benchmark]
    public string JoseJwt() => JWT.Decode(_fixture.Token, _fixture.PublicEcdsa, JwsAlgorithm.ES256);

    [Benchmark]
    public bool IdentityModel() => _handler.ValidateTokenAsync(_fixture.Token, _parameters).GetAwaiter().GetResult().IsValid;
}
