using System.Security.Cryptography;
using Ect.Keys;

namespace Ect.Fuzz.Fixtures;

/// <summary>
/// The fixed test keys of <c>vectors/keys</c> (embedded), and the verifier's key set: the public
/// halves of agent-a and agent-b plus two keys that resolve to a refusal (an RSA key and a P-384
/// key), so that SIG-4 paths are reachable too.
/// </summary>
public static class FuzzKeys
{
    public static JsonWebKey AgentA { get; } = Load("agent-a");

    public static JsonWebKey AgentB { get; } = Load("agent-b");

    public static JsonWebKey Attacker { get; } = Load("attacker");

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

    private static JsonWebKey Load(string kid)
    {
        using var stream = typeof(FuzzKeys).Assembly.GetManifestResourceStream($"keys/{kid}.jwk.json")
            ?? throw new InvalidOperationException($"embedded key {kid} is missing");
        using var reader = new StreamReader(stream);
        return JsonWebKey.Parse(reader.ReadToEnd());
    }
}
