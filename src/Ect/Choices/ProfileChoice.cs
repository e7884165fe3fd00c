namespace Ect.Choices;

/// <summary>
/// The places where the profile lets an implementation take either verdict (a PROFILE or SHOULD
/// rule whose vectors expect <c>acceptable</c>), as flags a verification can touch. A verdict that
/// touched one is this engine's choice, not the profile's answer.
/// </summary>
[Flags]
public enum ProfileChoice
{
    None = 0,

    /// <summary>PARSE-1: a segment is base64url but for non-zero unused bits in its last character.</summary>
    NonCanonicalBase64 = 1 << 0,

    /// <summary>HDR-1: <c>typ</c> names an accepted media type in another spelling (case, <c>application/</c>).</summary>
    TypMediaTypeVariant = 1 << 1,

    /// <summary>CLM-3: <c>iat</c> or <c>exp</c> is not integral, or is beyond ±(2^53 − 1).</summary>
    InexactNumericDate = 1 << 2,

    /// <summary>EXT-1 in mode 00: the extension passes <c>ext_max_bytes</c> or <c>ext_max_depth</c> (SHOULD NOT).</summary>
    ExtensionLimitInMode00 = 1 << 3,

    /// <summary>DAG-5: the ancestor walk passed <c>max_ancestors</c> before it could decide.</summary>
    TraversalLimit = 1 << 4,

    /// <summary>DAG-7: a predecessor is listed twice.</summary>
    DuplicatePredecessor = 1 << 5,

    /// <summary>DAG-8 in mode 00: a predecessor belongs to another workflow.</summary>
    CrossWorkflowInMode00 = 1 << 6,

    /// <summary>RPL-3: a <c>jti</c> seen before is presented again after its window has passed.</summary>
    ReplayAfterWindow = 1 << 7,

    /// <summary>
    /// EXT-1: an extension spelled with escapes or non-ASCII text measures differently under another
    /// serializer, and its size is on different sides of <c>ext_max_bytes</c> under them (the profile's
    /// boundary vectors use ASCII without escapes for this reason).
    /// </summary>
    ExtensionSpelling = 1 << 8,

    /// <summary>
    /// DAG-1, RPL-1: a token of a workflow shares its <c>jti</c> with a stored or accepted task that has no
    /// workflow. The profile scopes the check by the new token's <c>wid</c> only; whether a task without one
    /// holds its <c>jti</c> for every workflow it does not say.
    /// </summary>
    UnscopedJtiInWorkflow = 1 << 9,

    /// <summary>CLM-9 in mode 00: <c>pol</c> is present, as the pair rule asks, but empty, so it names no policy.</summary>
    EmptyPolicy = 1 << 10,

    /// <summary>
    /// CLM-5, HASH-1, EXT-2, CLM-9 in mode 00: an optional claim (<c>wid</c>, a hash, the extension,
    /// <c>sub</c>) is present as JSON null, which an implementation may read as absent or as a wrong type.
    /// </summary>
    NullOptionalClaim = 1 << 11,

    /// <summary>HDR-4: <c>crit</c> is an empty list, which names nothing the verifier lacks but RFC 7515 forbids producing.</summary>
    EmptyCriticalList = 1 << 12,
}
