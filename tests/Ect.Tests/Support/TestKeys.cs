using Ect.Keys;

namespace Ect.Tests.Support;

/// <summary>The fixed key pairs of vectors/keys, shared with the vector corpus.</summary>
public static class TestKeys
{
    public static JsonWebKey AgentA { get; } = Load("agent-a");

    public static JsonWebKey AgentB { get; } = Load("agent-b");

    /// <summary>A key the verifier does not know.</summary>
    public static JsonWebKey Attacker { get; } = Load("attacker");

    /// <summary>The verifier's key set: the public halves of agent-a and agent-b.</summary>
    public static KeySet VerifierKeys() => new([AgentA.ToPublic(), AgentB.ToPublic()]);

    private static JsonWebKey Load(string kid) =>
        JsonWebKey.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "keys", kid + ".jwk.json")));
}
