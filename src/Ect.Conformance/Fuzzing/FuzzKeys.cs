using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ect.Keys;
using Ect.Parsing;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// The fixed test keys of <c>vectors/keys</c>, built into the library: agent-a and agent-b are in
/// every generated case's key set, the attacker's never is. The one loader of those keys: the
/// engine's tests and the SharpFuzz targets take them from here too (<see cref="Key"/>). Signing uses the platform's ECDSA, so a
/// signature differs from run to run while every verdict stays the same; a finding keeps its tokens.
/// </summary>
internal static class FuzzKeys
{
    public const string AgentA = "agent-a";
    public const string AgentB = "agent-b";
    public const string Attacker = "attacker";

    private static readonly Dictionary<string, JsonWebKey> Keys = new[] { AgentA, AgentB, Attacker }.ToDictionary(kid => kid, Load, StringComparer.Ordinal);

    // Written once; each case gets its own copy, since a node has one parent and the shrinker edits recipes.
    private static readonly Dictionary<string, JsonObject> PublicJson = Keys.ToDictionary(k => k.Key, k => k.Value.ToPublic().ToJsonObject(), StringComparer.Ordinal);
    private static readonly Dictionary<string, JsonObject> PrivateJson = Keys.ToDictionary(k => k.Key, k => k.Value.ToJsonObject(), StringComparer.Ordinal);

    [ThreadStatic]
    private static Dictionary<string, ECDsa>? t_signers;

    /// <summary>The whole key pair named <paramref name="kid"/>: agent-a, agent-b or attacker.</summary>
    public static JsonWebKey Key(string kid) => Keys[kid];

    /// <summary>The public keys a verifier is given: agent-a and agent-b.</summary>
    public static JsonArray VerifierKeys() => [Public(AgentA), Public(AgentB)];

    public static JsonObject Public(string kid) => PublicJson[kid].DeepClone().AsObject();

    /// <summary>The private JWK, for create cases.</summary>
    public static JsonObject Private(string kid) => PrivateJson[kid].DeepClone().AsObject();

    public static bool IsKnown(string kid) => Keys.ContainsKey(kid);

    /// <summary>The ES256 signature (r‖s) of <paramref name="signingInput"/> with <paramref name="kid"/>'s private key.</summary>
    public static string Sign(string kid, string signingInput)
    {
        // ECDsa instances are not safe to share between threads; one per thread and key is kept.
        var signers = t_signers ??= new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        if (!signers.TryGetValue(kid, out var ecdsa))
        {
            ecdsa = Keys[kid].ToECDsa();
            signers[kid] = ecdsa;
        }

        return Base64Url.Encode(ecdsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256));
    }

    private static JsonWebKey Load(string kid)
    {
        using var stream = typeof(FuzzKeys).Assembly.GetManifestResourceStream($"Ect.Conformance.keys.{kid}.jwk.json")
            ?? throw new InvalidOperationException($"the key {kid} is not built into this library");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return JsonWebKey.Parse(reader.ReadToEnd());
    }
}
