using System.Collections.Frozen;
using System.Text.Json;

namespace Ect.Keys;

/// <summary>
/// A fixed set of public keys by <c>kid</c> (a JWK set). Keys that are not EC P-256 (SIG-4), or whose
/// <c>use</c>, <c>key_ops</c> or <c>alg</c> rule out verifying ES256 (SIG-5), are kept so that they
/// resolve to a clear refusal. Two keys under one kid are refused when the set is built: which one a
/// token means would otherwise depend on their order.
/// </summary>
public sealed class KeySet : IKeyResolver, IDisposable
{
    private readonly FrozenDictionary<string, Entry> _byKid;
    private readonly FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _byKidSpan;

    /// <summary>The keys by kid; keys without a kid are skipped. Throws <see cref="ArgumentException"/> when two keys have the same kid.</summary>
    public KeySet(IEnumerable<JsonWebKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Kid is null)
            {
                continue; // a key no kid can name cannot be selected (HDR-3)
            }

            if (!entries.TryAdd(key.Kid, Entry.Create(key)))
            {
                DisposeAll(entries.Values);
                throw new ArgumentException($"two keys have kid \"{key.Kid}\": a kid must name one key", nameof(keys));
            }
        }

        _byKid = entries.ToFrozenDictionary(StringComparer.Ordinal);
        _byKidSpan = _byKid.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IEnumerable<string> Kids => _byKid.Keys;

    /// <summary>Reads a JWK set (<c>{"keys": [...]}</c>) or a bare array of JWKs. Throws <see cref="FormatException"/> for anything else, an unreadable JWK, or two keys under one kid.</summary>
    public static KeySet FromJson(JsonElement element)
    {
        var array = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("keys", out var keys) ? keys : element;
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("a key set is a JSON array of JWKs or an object with a keys array");
        }

        var jwks = array.EnumerateArray().Select(JsonWebKey.FromJson).ToList();
        try
        {
            return new KeySet(jwks);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    public VerificationKey? Resolve(string kid, out string? reason)
    {
        if (!_byKid.TryGetValue(kid, out var entry))
        {
            reason = $"no key with kid \"{kid}\" in the verifier's key set";
            return null;
        }

        reason = entry.Refusal;
        return entry.Key;
    }

    public VerificationKey? Resolve(ReadOnlySpan<char> kid, out string? reason)
    {
        if (!_byKidSpan.TryGetValue(kid, out var entry))
        {
            reason = $"no key with kid \"{kid}\" in the verifier's key set";
            return null;
        }

        reason = entry.Refusal;
        return entry.Key;
    }

    public void Dispose() => DisposeAll(_byKid.Values);

    private static void DisposeAll(IEnumerable<Entry> entries)
    {
        foreach (var entry in entries)
        {
            entry.Key?.Dispose();
        }
    }

    private sealed record Entry(VerificationKey? Key, string? Refusal)
    {
        public static Entry Create(JsonWebKey jwk)
        {
            if (!jwk.IsP256)
            {
                return new Entry(null, $"key \"{jwk.Kid}\" is {jwk.Kty}{(jwk.Crv is null ? "" : "/" + jwk.Crv)}, not EC P-256 as ES256 requires");
            }

            var notForThisUse = NotForVerifyingEs256(jwk);
            if (notForThisUse is not null)
            {
                return new Entry(null, $"key \"{jwk.Kid}\" {notForThisUse}");
            }

            try
            {
                return new Entry(new VerificationKey(jwk.Kid!, jwk.ToECParameters()), null);
            }
            catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
            {
                return new Entry(null, $"key \"{jwk.Kid}\" is not a usable P-256 public key: {e.Message}");
            }
        }

        /// <summary>SIG-5 (RFC 7517 §4.2–4.4): what the JWK itself says against verifying ES256 with it, or null.</summary>
        private static string? NotForVerifyingEs256(JsonWebKey jwk)
        {
            if (jwk.Defect is not null)
            {
                return $"is unusable: {jwk.Defect}";
            }

            if (jwk.Use is not null && jwk.Use != "sig")
            {
                return $"has use \"{jwk.Use}\", not sig";
            }

            if (jwk.KeyOps is not null && !jwk.KeyOps.Contains("verify", StringComparer.Ordinal))
            {
                return $"has key_ops [{string.Join(", ", jwk.KeyOps)}] without verify";
            }

            // Only ES256 tokens reach key resolution (HDR-2 runs first), so ES256 is the token's alg here.
            if (jwk.Alg is not null && jwk.Alg != "ES256")
            {
                return $"has alg \"{jwk.Alg}\", not the token's ES256";
            }

            return null;
        }
    }
}
