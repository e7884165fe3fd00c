using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Ect.Benchmarks.Fixtures;
using Ect.Creation;
using Ect.Parsing;

namespace Ect.Benchmarks.Benchmarks;

/// <summary>The stages around the signature: parsing alone, and creation (which signs).</summary>
[MemoryDiagnoser]
public class EngineStageBenchmarks
{
    private TypicalToken _fixture = null!;
    private JsonObject _payload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = TypicalToken.Shared;
        _payload = new JsonObject
        {
            ["iss"] = TypicalToken.Issuer,
            ["aud"] = TypicalToken.VerifierId,
            ["jti"] = "6ba7b810-9dad-41d1-80b4-00c04fd430c8",
            ["exec_act"] = "implement_module",
            ["pred"] = new JsonArray(TypicalToken.PredecessorJti),
        };
    }

    [Benchmark]
    public bool Parse() => JwsParser.Parse(_fixture.Token, 65_536).Succeeded;

    [Benchmark]
    public bool Create() => EctCreator.Create(_payload, _fixture.PrivateKey, EctDraft.Draft01, new CreateOptions(), TypicalToken.Now).Succeeded;
}
