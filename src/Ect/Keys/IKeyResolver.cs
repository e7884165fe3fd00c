namespace Ect.Keys;

/// <summary>
/// Finds the key that a header's <c>kid</c> names, in the verifier's own key set (HDR-3). Keys a
/// token carries in its header are never consulted.
/// </summary>
public interface IKeyResolver
{
    /// <summary>
    /// The usable ES256 key for <paramref name="kid"/>; null with a reason when no key has that
    /// id or the key is not EC P-256 (SIG-4).
    /// </summary>
    VerificationKey? Resolve(string kid, out string? reason);

    /// <summary>The same lookup from characters the caller has not turned into a string; override it to avoid the allocation.</summary>
    VerificationKey? Resolve(ReadOnlySpan<char> kid, out string? reason) => Resolve(kid.ToString(), out reason);
}
