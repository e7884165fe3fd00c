namespace Ect.Vectors.Catalog;

/// <summary>Every flag a vector may carry, explained (written to <c>vectors/notes.yaml</c>).</summary>
public static class Flags
{
    private const string Rfc7515 = "https://www.rfc-editor.org/rfc/rfc7515";
    private const string Rfc7519 = "https://www.rfc-editor.org/rfc/rfc7519";
    private const string Rfc8725 = "https://www.rfc-editor.org/rfc/rfc8725";
    private const string Rfc8259 = "https://www.rfc-editor.org/rfc/rfc8259";
    private const string Profile = "docs/profile.md";

    public static IReadOnlyList<Flag> All { get; } =
    [
        new("AlgNone", "AUTH_BYPASS", "The header says alg none (in any case), with or without a signature.", "The verifier accepts unsigned tokens: anyone can forge any ECT.", Rfc8725 + "#section-2.1", "https://auth0.com/blog/critical-vulnerabilities-in-json-web-token-libraries/"),
        new("KeyConfusion", "AUTH_BYPASS", "alg HS256 with the verifier's public key material (JWK text, PEM, point bytes) as the HMAC secret, or a symmetric key under the kid.", "The verifier lets the token choose the algorithm and HMACs with public data: anyone can forge.", Rfc8725 + "#section-2.1", "https://nvd.nist.gov/vuln/detail/CVE-2016-10555"),
        new("PsychicSignature", "AUTH_BYPASS", "r or s is zero, or zero modulo the group order.", "The verifier skips the range check of ECDSA verification; Java 15-18 accepted (0, 0) for every message (CVE-2022-21449).", "https://neilmadden.blog/2022/04/19/psychic-signatures-in-java/", "https://nvd.nist.gov/vuln/detail/CVE-2022-21449"),
        new("ScalarRange", "EDGE_CASE", "r or s is at least the group order n (n itself, or 2^256 - 1).", "The verifier reduces r or s modulo n before checking, accepting values outside [1, n-1].", "https://www.secg.org/sec1-v2.pdf"),
        new("SignatureMalleability", "MALLEABILITY", "(r, n - s): the second valid ECDSA signature of the same message.", "A verifier that rejects it enforces a low-s rule the profile does not have; one that uses signatures as identifiers is fooled (ECTs use jti).", "https://github.com/C2SP/wycheproof/blob/main/doc/ecdsa.md"),
        new("DerSignature", "BER_ENCODING", "The right r and s, but in ASN.1 DER (or as 33-byte sign-padded integers) instead of the 64-byte JWS form.", "The verifier passes JWS signature bytes to a DER-expecting API, or accepts several encodings of one signature.", Rfc7515 + "#appendix-A.3", "https://www.rfc-editor.org/rfc/rfc7518#section-3.4"),
        new("MissingSignature", "AUTH_BYPASS", "alg ES256 with an empty signature segment.", "The verifier treats an empty signature as nothing to check.", Rfc7515),
        new("ModifiedToken", "AUTH_BYPASS", "Header or payload bytes (or a signature bit) changed after signing.", "The verifier does not check the signature over the exact signing input.", Rfc7515 + "#section-5.2"),
        new("EmbeddedKey", "AUTH_BYPASS", "The header carries key material or key locations (jwk, jku, x5u, x5c), attacker-controlled or not.", "The verifier trusts a key the token brings along (CVE-2018-0114) or fetches one from a URL the attacker chose.", "https://nvd.nist.gov/vuln/detail/CVE-2018-0114", Rfc8725 + "#section-3.10"),
        new("WrongKeyType", "WRONG_PRIMITIVE", "The kid resolves to an RSA, symmetric or P-384 key.", "The verifier uses whatever key the kid names without checking it suits ES256.", Profile + " SIG-4"),
        new("InvalidCurvePoint", "EDGE_CASE", "The kid resolves to a P-256 JWK whose point is not on the curve.", "The verifier does not validate public keys (invalid-curve attacks on ECDH; undefined behaviour in verification).", "https://github.com/C2SP/wycheproof/blob/main/doc/ecdh.md"),
        new("CriticalHeader", "MISSING_STEP", "A crit header, or an unknown header parameter without crit.", "The verifier ignores crit (accepting extensions it does not implement) or rejects harmless unknown parameters.", Rfc7515 + "#section-4.1.11"),
        new("JweConfusion", "CAN_OF_WORMS", "A five-segment token shaped like a JWE.", "The verifier hands the token to a general JOSE library that would decrypt or otherwise accept it.", Rfc7515 + "#section-9"),
        new("JsonSerialization", "CAN_OF_WORMS", "The JWS JSON serializations (flattened and general) of a valid token.", "The verifier accepts a serialization ECTs do not use, with its own parsing surface.", Rfc7515 + "#section-7.2"),
        new("Base64Variant", "EDGE_CASE", "Segments with padding, the standard alphabet, or whitespace, signed as sent.", "The verifier uses a lenient base64 decoder, so several texts map to one token.", Rfc7515 + "#section-2", "https://www.rfc-editor.org/rfc/rfc4648#section-5"),
        new("NonCanonicalBase64", "EDGE_CASE", "The last base64url character has unused bits set: same bytes, text no encoder writes.", "None for a token (PARSE-1 allows either verdict); for a hash it is a second spelling of one digest.", "https://www.rfc-editor.org/rfc/rfc4648#section-3.5"),
        new("InvalidUtf8", "EDGE_CASE", "Header or payload bytes that are not UTF-8: invalid sequences, overlong forms, encoded surrogates, UTF-16.", "The verifier decodes leniently, so two byte strings read as one claim value.", Rfc8259 + "#section-8.1"),
        new("ByteOrderMark", "EDGE_CASE", "A UTF-8 byte order mark before the header or payload JSON.", "None required: RFC 8259 lets a parser ignore or reject it; the vectors make sure neither crashes.", Rfc8259 + "#section-8.1"),
        new("DuplicateMember", "CAN_OF_WORMS", "Header or payload JSON with a member name twice (also via escapes).", "Two components read different values from one token (first-wins against last-wins): audience or algorithm confusion.", Rfc8725 + "#section-3.1", Rfc7519 + "#section-4"),
        new("ResourceExhaustion", "CAN_OF_WORMS", "Very large input: oversized tokens, thousands of claims or predecessors, long strings.", "The verifier decodes before bounding size, or does work proportional to attacker input.", Profile + " PARSE-4, PARSE-5"),
        new("DeepNesting", "CAN_OF_WORMS", "JSON nested thousands of levels deep, in unknown claims, the extension or the header.", "A recursive parser overflows its stack and the process dies.", "https://github.com/nst/JSONTestSuite"),
        new("HugeNumber", "EDGE_CASE", "Numbers beyond IEEE doubles (1e400, 300 digits) or negative times.", "The parser crashes, or a time read as infinity never expires.", Rfc8259 + "#section-6"),
        new("LoneSurrogate", "EDGE_CASE", "A \\ud800-style escape with no partner: valid JSON text, no Unicode string.", "The parser throws an unexpected exception, or different components read different strings.", Rfc8259 + "#section-8.2"),
        new("EmbeddedNul", "EDGE_CASE", "NUL in a string: escaped (valid) or raw (malformed).", "C-string handling truncates a claim, so a value compares equal to a prefix.", Rfc8259 + "#section-7"),
        new("TypVariant", "FUNCTIONALITY", "typ spelled as the full media type (application/...) or in another case.", "None required: the profile allows either verdict; an exact-match verifier refuses tokens an RFC-literal one accepts.", Rfc7515 + "#section-4.1.9"),
        new("TokenConfusion", "AUTH_BYPASS", "A token typed as another kind of JWT (JWT, at+jwt).", "The verifier accepts other JWTs signed by the same key as ECTs (cross-JWT confusion).", Rfc8725 + "#section-3.11"),
        new("AudienceConfusion", "AUTH_BYPASS", "aud naming another workload, or a near miss (case, prefix, trailing slash, NUL).", "The verifier accepts tokens meant for someone else, or compares audiences loosely.", Rfc7519 + "#section-4.1.3"),
        new("NonIntegerTime", "EDGE_CASE", "iat or exp written with a fraction or an exponent.", "None required (either verdict); a verifier that truncates differently from another disagrees at boundaries.", Rfc7519 + "#section-2"),
        new("TimeBoundary", "EDGE_CASE", "A time exactly at a limit and one second past it (exp, leeway, iat age, iat future, DAG skew).", "Off-by-one comparisons (> against >=) shift every window by a second.", Profile + " TIME-1, TIME-2, DAG-3"),
        new("UuidFormat", "MISSING_STEP", "jti or wid that is no 8-4-4-4-12 UUID (or validate_uuids switched off).", "The verifier does not check ids, so other components that expect UUIDs misread them.", "https://www.rfc-editor.org/rfc/rfc9562"),
        new("NullOptionalClaim", "EDGE_CASE", "An optional claim (wid, hashes, extension) present with value null.", "None required: null may be read as absent or as a wrong type; the vectors make sure it is not read as a string.", Profile + " CLM-5, EXT-2, HASH-1"),
        new("UnusedRegisteredClaim", "FUNCTIONALITY", "A registered JWT claim ECTs do not use (nbf in the future).", "None required: a generic JWT library applies it, an ECT verifier may ignore it.", Rfc7519 + "#section-4.1.5"),
        new("MissingPredecessors", "AUTH_BYPASS", "No DAG claim under the mode's name (or only the other draft's name).", "The verifier defaults the missing list to [] and turns a dependent task into a root, skipping every DAG check.", Profile + " CLM-7, section 2"),
        new("PolicyPair", "MISSING_STEP", "-00 pol and pol_decision not paired, or pol_decision not a known value.", "The verifier records a policy decision that was never made, or a decision without its policy.", Profile + " CLM-9"),
        new("SubjectMismatch", "MISSING_STEP", "-00 sub different from iss.", "The verifier lets a token claim to act for another subject than its issuer.", Profile + " CLM-9"),
        new("ExtensionLimit", "CAN_OF_WORMS", "Extension objects at and past the size and depth limits.", "The verifier accepts unbounded extension data (MUST NOT in -01) or refuses data within the limit.", Profile + " EXT-1"),
        new("HashFormat", "MISSING_STEP", "inp_hash/out_hash in the wrong encoding, length, prefix or algorithm for the mode.", "Hashes that cannot be compared byte for byte with a recomputed digest are accepted.", "https://www.rfc-editor.org/rfc/rfc9449#section-4.2"),
        new("DuplicateTask", "MISSING_STEP", "A jti already in the store, in the same or another workflow, with or without wid.", "The DAG holds two tasks under one id, or uniqueness is scoped wrongly.", Profile + " DAG-1"),
        new("UnknownPredecessor", "MISSING_STEP", "A predecessor that is not in the store (never sent, or rejected earlier).", "The verifier accepts references to tasks nobody verified.", Profile + " DAG-2"),
        new("ExpiredPredecessor", "FUNCTIONALITY", "A predecessor whose own exp has passed.", "The verifier wrongly applies expiry to stored tasks and breaks long workflows.", Profile + " DAG-2"),
        new("Cycle", "MISSING_STEP", "A task that is its own ancestor, directly or through dangling references in the store.", "The verifier trusts the store to be acyclic; a crafted history makes the DAG cyclic.", Profile + " DAG-4"),
        new("TraversalLimit", "CAN_OF_WORMS", "Ancestor walks longer than max_ancestors.", "The cycle check does unbounded work, or a bounded one reports a wrong verdict.", Profile + " DAG-5"),
        new("PredecessorLimit", "CAN_OF_WORMS", "Predecessor lists at and past max_pred_length (also under its -00 name max_par_length).", "Unbounded fan-in, or a limit off by one.", Profile + " DAG-6, MIG-7"),
        new("DuplicatePredecessor", "EDGE_CASE", "The same predecessor listed twice.", "None required (either verdict); the vectors make sure neither crashes.", Profile + " DAG-7"),
        new("CrossWorkflow", "MISSING_STEP", "A predecessor from another workflow (wid), or without one.", "Workflows leak into each other in mode 01.", Profile + " DAG-8"),
        new("FanIn", "FUNCTIONALITY", "A task with many predecessors, and several roots in one workflow.", "The verifier refuses legitimate DAG shapes.", Profile + " DAG-10"),
        new("Replay", "MISSING_STEP", "A jti presented again within its window, in the same or another scope.", "Replayed tokens are accepted, or scoping by wid is wrong.", Profile + " RPL-1"),
        new("JtiSquatting", "AUTH_BYPASS", "A rejected token followed by the genuine token with the same jti.", "Rejected tokens consume their jti, so anyone can block a task by sending garbage under its id.", Profile + " RPL-2"),
        new("MigrationLoss", "MISSING_STEP", "-00 data that -01 cannot express (differing par and pred, sub, sha-384/512 hashes, policy conflicts).", "Migration silently drops or overwrites data.", Profile + " section 9"),
        new("ParDropped", "AUTH_BYPASS", "A -00 token whose par names an unknown task, verified in mode 01.", "A mode-01 reader that ignores par and defaults pred to [] turns a dependent task into a root.", Profile + " section 2"),
        new("PartialMigration", "LEGACY", "A -00 token in mode 01 where reading only par as pred gives another verdict than the full migration.", "None required: the profile reads legacy tokens through the full migration, and accepts the partial reading where it differs.", Profile + " sections 2 and 9"),
        new("HeaderSplitting", "EDGE_CASE", "Execution-Context field values with members that are not compact JWSs.", "The parser passes garbage on as tokens, or drops members silently.", Profile + " HTTP-1", "https://www.rfc-editor.org/rfc/rfc9110#section-5.6.1"),
        new("Downgrade", "AUTH_BYPASS", "An unsigned level-1 ECT where the verifier requires level 2.", "The verifier falls back to unsigned tokens below its configured minimum.", Profile + " section 12"),
    ];
}
