using Ect.Conformance.Fuzzing;
using Ect.Keys;

namespace Ect.Tests.Support;

/// <summary>The fixed key pairs of vectors/keys (loaded by <see cref="FuzzKeys"/>), and the verifier's key set.</summary>
public static class TestKeys
{
    public static JsonWebKey AgentA { get; } = FuzzKeys.Key(FuzzKeys.AgentA);

    public static JsonWebKey AgentB { get; } = FuzzKeys.Key(FuzzKeys.AgentB);

    /// <summary>A key the verifier does not know.</summary>
    public static JsonWebKey Attacker { get; } = FuzzKeys.Key(FuzzKeys.Attacker);

    /// <summary>The verifier's key set: the public halves of agent-a and agent-b.</summary>
    public static KeySet VerifierKeys() => new([AgentA.ToPublic(), AgentB.ToPublic()]);
}
