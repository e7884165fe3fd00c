using System.Security.Cryptography;
using Ect.Keys;
using VectorKeys = Ect.Conformance.Fuzzing.FuzzKeys;

namespace Ect.Fuzz.Fixtures;

/// <summary>
/// The fixed test keys of <c>vectors/keys</c> (loaded by the conformance library's <see cref="VectorKeys"/>), and the verifier's key set: the public
/// halves of agent-a and agent-b plus two keys that resolve to a refusal (an RSA key and a P-384
/// key), so that SIG-4 paths are reachable too.
/// </summary>
public static class FuzzKeys
{
    public static JsonWebKey AgentA { get; } = VectorKeys.Key(VectorKeys.AgentA);

    public static JsonWebKey AgentB { get; } = VectorKeys.Key(VectorKeys.AgentB);

    public static JsonWebKey Attacker { get; } = VectorKeys.Key(VectorKeys.Attacker);

    /// <summary>agent-a's private key, for the targets that re-sign fuzzed header and payload bytes.</summary>
    public static ECDsa AgentASigner { get; } = AgentA.ToECDsa();

    /// <summary>Shared by every verifier: a key set holds no per-token state.</summary>
    public static KeySet VerifierKeys { get; } = new(
    [
        AgentA.ToPublic(),
        AgentB.ToPublic(),
        new JsonWebKey { Kty = "RSA", Kid = "rsa-1", Other = new Dictionary<string, string> { ["n"] = "sXch", ["e"] = "AQAB" } },
        new JsonWebKey { Kty = "EC", Kid = "ec-p384", Crv = "P-384", X = AgentA.X, Y = AgentA.Y },
    ]);
}
