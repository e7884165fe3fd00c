using Ect.Keys;

namespace Ect.TestFixtures;

/// <summary>
/// The fixed key pairs of <c>vectors/keys</c>, which the corpus is signed with: one loader for the
/// engine's tests and the fuzz targets, so both sign and verify with exactly the vectors' keys.
/// </summary>
public static class VectorKeys
{
    public static JsonWebKey AgentA { get; } = Load("agent-a");

    public static JsonWebKey AgentB { get; } = Load("agent-b");

    /// <summary>A key no verifier's key set holds.</summary>
    public static JsonWebKey Attacker { get; } = Load("attacker");

    private static JsonWebKey Load(string kid)
    {
        using var stream = typeof(VectorKeys).Assembly.GetManifestResourceStream($"keys/{kid}.jwk.json")
            ?? throw new InvalidOperationException($"embedded key {kid} is missing");
        using var reader = new StreamReader(stream);
        return JsonWebKey.Parse(reader.ReadToEnd());
    }
}
