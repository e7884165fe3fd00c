using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;
using Ect.Keys;

namespace Ect.Conformance.Reference;

/// <summary>
/// The keys cases carry, imported once per process rather than once per case. Importing a P-256
/// key checks that its point is on the curve, which costs about as much as a verification (a key
/// set of two keys cost more than four of them), and every case of a fuzz campaign or of the
/// corpus carries the same few keys. An entry is keyed by the exact JSON text the key was read
/// from and built by the same reader as before, so a case gets the key it would have imported
/// itself. A <see cref="KeySet"/> is immutable and verifies on any thread (one ECDsa per thread
/// inside); a signing <see cref="ECDsa"/> is not safe to share, so signing keys are kept per thread.
/// </summary>
internal static class ImportedKeys
{
    // Far more than the corpus or a campaign uses; a shrinker's variants of a key set must not grow it without bound.
    private const int MaxEntries = 64;

    private static readonly ConcurrentDictionary<string, KeySet> KeySets = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static Dictionary<string, ECDsa>? t_signingKeys;

    /// <summary>
    /// The key set read from <paramref name="keys"/> by <paramref name="import"/>. Shared: never
    /// disposed by the caller. An import that throws is not kept, so the same input throws again.
    /// </summary>
    public static KeySet KeySet(JsonArray keys, Func<KeySet> import)
    {
        var text = JsonText.Serialize(keys);
        if (KeySets.TryGetValue(text, out var known))
        {
            return known;
        }

        if (KeySets.Count >= MaxEntries)
        {
            // Dropped entries are not disposed: another thread may be verifying with one; their ECDsa handles are finalised.
            KeySets.Clear();
        }

        return KeySets.GetOrAdd(text, import());
    }

    /// <summary>
    /// The private key <paramref name="jwk"/> (read from <paramref name="json"/>) as an ECDsa to sign
    /// with on this thread, or null when it has no private part or kid or cannot be imported: then
    /// the caller passes the JWK itself to the engine, which refuses it with its own message.
    /// </summary>
    public static ECDsa? SigningKey(JsonObject json, JsonWebKey jwk)
    {
        if (jwk.D is null || jwk.Kid is null)
        {
            return null;
        }

        var keys = t_signingKeys ??= new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        var text = JsonText.Serialize(json);
        if (keys.TryGetValue(text, out var known))
        {
            return known;
        }

        ECDsa ecdsa;
        try
        {
            ecdsa = jwk.ToECDsa();
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }

        if (keys.Count >= MaxEntries)
        {
            foreach (var dropped in keys.Values)
            {
                dropped.Dispose();
            }

            keys.Clear();
        }

        keys[text] = ecdsa;
        return ecdsa;
    }
}
