using Ect.Keys;
using Ect.TestFixtures;

namespace Ect.Tests.Support;

/// <summary>The fixed key pairs of vectors/keys (<see cref="VectorKeys"/>), and the verifier's key set.</summary>
public static class TestKeys
{
    public static JsonWebKey AgentA => VectorKeys.AgentA;

    public static JsonWebKey AgentB => VectorKeys.AgentB;

    /// <summary>A key the verifier does not know.</summary>
    public static JsonWebKey Attacker => VectorKeys.Attacker;

    /// <summary>The verifier's key set: the public halves of agent-a and agent-b.</summary>
    public static KeySet VerifierKeys() => new([AgentA.ToPublic(), AgentB.ToPublic()]);
}
