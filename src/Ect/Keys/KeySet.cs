using System.Collections.Frozen;
using System.Text.Json;

namespace Ect.Keys;

/// <summary>A fixed set of public keys by <c>kid</c> (a JWK set). Keys that are not EC P-256 are kept so that they resolve to a clear refusal.</summary>
public sealed class KeySet : IKeyResolver, IDisposable
{
    private readonly FrozenDictionary<string, Entry> _byKid;
    private readonly FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _byKidSpan;

    public KeySet(IEnumerable<JsonWebKey> keys)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Kid is null)
            {
                continue; // a key no kid can name cannot be selected (HDR-3)
            }

            entries[key.Kid] = Entry.Create(key);
        }

        _byKid = entries.ToFrozenDictionary(StringComparer.Ordinal);
        _byKidSpan = _byKid.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IEnumerable<string> Kids => _byKid.Keys;

    /// <summary>Reads a JWK set (<c>{"keys": [...]}</c>) or a bare array of JWKs.</summary>
    public static KeySet FromJson(JsonElement element)
    {
        var array = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("keys", out var keys) ? keys : element;
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("a key set is a JSON array of JWKs or an object with a keys array");
        }

        return new KeySet(array.EnumerateArray().Select(JsonWebKey.FromJson).ToList());
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

    public void Dispose()
    {
        foreach (var entry in _byKid.Values)
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

            try
            {
                return new Entry(new VerificationKey(jwk.Kid!, jwk.ToECParameters()), null);
            }
            catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
            {
                return new Entry(null, $"key \"{jwk.Kid}\" is not a usable P-256 public key: {e.Message}");
            }
        }
    }
}
