namespace Ect.Vectors.Catalog;

/// <summary>A profile rule: where it applies, in which modes a vector must expect a rejection, and its one-line summary.</summary>
/// <param name="Id">The profile's id (LVL-1 is this suite's id for the levels paragraph of profile section 12).</param>
/// <param name="Strength">MUST, SHOULD or PROFILE as the profile gives it; <paramref name="Mode00Strength"/> when mode 00 differs.</param>
/// <param name="Modes">The verifier modes the rule applies in: each needs a must-pass vector.</param>
/// <param name="FailsIn">The modes in which the rule can make a result invalid: each needs a must-fail vector.</param>
/// <param name="Summary">One line, from the profile.</param>
/// <param name="Mode00Strength">The strength in mode 00 when it differs.</param>
public sealed record Rule(string Id, string Strength, string[] Modes, string[] FailsIn, string Summary, string? Mode00Strength = null);

/// <summary>The rule list of profile.md, copied so that vectors can be checked against it.</summary>
public static class Rules
{
    private static readonly string[] Both = ["00", "01"];
    private static readonly string[] M00 = ["00"];
    private static readonly string[] M01 = ["01"];
    private static readonly string[] None = [];

    public static IReadOnlyList<Rule> All { get; } =
    [
        new("PARSE-1", "MUST", Both, Both, "Exactly three unpadded base64url segments (signature may be empty); five segments and JSON serializations are malformed; a non-canonical encoding is acceptable."),
        new("PARSE-2", "MUST", Both, Both, "Header and payload decode to UTF-8 JSON objects; arrays, strings, invalid UTF-8 and trailing garbage are malformed."),
        new("PARSE-3", "PROFILE", Both, Both, "Duplicate member names in header or payload are malformed."),
        new("PARSE-4", "PROFILE", Both, Both, "Input longer than max_token_bytes is token_too_large, before any decoding."),
        new("PARSE-5", "MUST", Both, None, "Nesting depth or size of the payload never crashes or hangs the verifier."),
        new("HDR-1", "MUST", Both, Both, "typ present and accepted by the mode, compared exactly; application/ and case variants are acceptable."),
        new("HDR-2", "MUST", Both, Both, "alg in allowed_algs; none, HS256 and unlisted algorithms are alg_not_allowed before any key is used."),
        new("HDR-3", "MUST", Both, Both, "kid present (kid_missing) and resolved through the verifier's key set only (key_unknown); embedded keys are never used."),
        new("HDR-4", "MUST", Both, Both, "A crit header naming anything the verifier does not understand is crit_unsupported."),
        new("SIG-1", "MUST", Both, Both, "ES256 signatures are 64 bytes (r||s); DER or other lengths are signature_invalid."),
        new("SIG-2", "MUST", Both, Both, "r = 0, s = 0, or r, s >= the curve order are signature_invalid."),
        new("SIG-3", "MUST", Both, Both, "Any change to header or payload bytes after signing is signature_invalid."),
        new("SIG-4", "MUST", Both, Both, "A key on another curve than P-256, or a non-EC key, under kid is key_unknown."),
        new("SIG-5", "PROFILE", Both, Both, "A key under kid whose JWK says it is not for this use is key_unknown: use present and not sig, key_ops present without verify, or alg present and not the token's alg."),
        new("CLM-1", "MUST", Both, Both, "iss present, a non-empty string."),
        new("CLM-2", "MUST", Both, Both, "aud present, a string or array of strings; verifier_id must equal aud or one of its elements (aud_mismatch)."),
        new("CLM-3", "MUST", Both, Both, "iat and exp present, JSON numbers; an integral value in any JSON spelling is that integer; non-integer values and values beyond +/-(2^53 - 1) are acceptable."),
        new("CLM-4", "MUST", Both, Both, "jti present, a string, and a UUID when validate_uuids (jti_invalid)."),
        new("CLM-5", "MUST", Both, Both, "wid optional; when present a string, and a UUID when validate_uuids (wid_invalid)."),
        new("CLM-6", "MUST", Both, Both, "exec_act present, a non-empty string."),
        new("CLM-7", "MUST", Both, Both, "pred (01) / par (00) present, an array of strings; [] marks a root; missing is claim_missing."),
        new("CLM-8", "MUST", Both, None, "Unknown claims are ignored, never rejected."),
        new("CLM-9", "MUST", M00, M00, "Mode 00: pol and pol_decision both or neither, pol_decision from the known values (pol_pair); sub equals iss (sub_mismatch)."),
        new("TIME-1", "MUST", Both, Both, "expired when now >= exp + exp_leeway; exp not after iat is claim_invalid."),
        new("TIME-2", "PROFILE", Both, Both, "iat_too_old when now - iat > iat_max_age; iat_in_future when iat - now > iat_max_future; boundaries are valid."),
        new("EXT-1", "MUST", Both, M01, "The extension object is at most ext_max_bytes of compact JSON and at most ext_max_depth deep (MUST in mode 01, SHOULD in mode 00).", "SHOULD"),
        new("EXT-2", "MUST", Both, Both, "The extension is a JSON object (claim_invalid otherwise); its unknown keys are ignored."),
        new("HASH-1", "MUST", Both, Both, "inp_hash/out_hash: 43-character canonical base64url SHA-256 in mode 01; mode 00 also takes sha-256:/sha-384:/sha-512: prefixes."),
        new("DAG-1", "MUST", Both, Both, "jti not already in the store, within the wid or globally without one (dag_duplicate_jti)."),
        new("DAG-2", "MUST", Both, Both, "Every predecessor is in the store (dag_pred_not_found); an expired predecessor is still a valid reference."),
        new("DAG-3", "MUST", Both, Both, "pred.iat <= child.iat + dag_clock_skew, equality valid (dag_temporal_order)."),
        new("DAG-4", "MUST", Both, Both, "The task is not its own ancestor (dag_cycle); self-reference may report dag_pred_not_found."),
        new("DAG-5", "PROFILE", Both, None, "The walk counts distinct stored ancestors; past max_ancestors, dag_traversal_limit or acceptance; never a crash, hang or wrong cycle verdict; a task with at most max_ancestors ancestors is always decided."),
        new("DAG-6", "PROFILE", Both, Both, "More than max_pred_length predecessors (when not 0) is dag_too_many_preds."),
        new("DAG-7", "PROFILE", Both, None, "A predecessor listed twice is acceptable (dag_duplicate_pred or accepted)."),
        new("DAG-8", "MUST", Both, M01, "Mode 01: every predecessor of a task with a wid has the same wid (dag_workflow_mismatch); acceptable in mode 00.", "PROFILE"),
        new("DAG-9", "MUST", Both, Both, "Error order: DAG checks 6, 1, 2, 8, 3, 4; verification stages size, parse, typ, alg, crit, kid/key, signature, claims, replay, DAG."),
        new("DAG-10", "MUST", Both, None, "Multiple roots in one workflow and fan-in are valid."),
        new("RPL-1", "MUST", Both, Both, "A jti accepted earlier and within its window is replay when presented again (same wid scope, or globally)."),
        new("RPL-2", "MUST", Both, Both, "A token that fails verification does not consume its jti."),
        new("RPL-3", "PROFILE", Both, Both, "After the original's exp has passed, forgetting its jti is allowed; the later token is judged by its own claims."),
        new("LDG-1", "MUST", Both, Both, "The ledger is append-only: appending a present jti fails and changes nothing; lookup returns what was appended."),
        new("LDG-2", "PROFILE", Both, Both, "Verification appends to the ledger only after every check passed: a rejected token leaves no trace."),
        new("MIG-1", "PROFILE", M01, None, "typ wimse-exec+jwt becomes exec+jwt."),
        new("MIG-2", "PROFILE", M01, M01, "par becomes pred (same order); par and pred that differ are migration_conflict, equal ones collapse."),
        new("MIG-3", "PROFILE", M01, M01, "ext becomes ect_ext; an ext and ect_ext that differ are migration_conflict; migration validates no claim, so a non-object ext is carried over."),
        new("MIG-4", "PROFILE", M01, M01, "Top-level pol and pol_decision move into ect_ext; a different value already there, or an extension that is not an object, is migration_conflict."),
        new("MIG-5", "PROFILE", M01, M01, "sub equal to iss is dropped; a different sub is migration_conflict."),
        new("MIG-6", "PROFILE", M01, M01, "A sha-256: hash loses its prefix; sha-384:/sha-512: hashes are migration_conflict."),
        new("MIG-7", "PROFILE", Both, Both, "Configuration: max_par_length is read as max_pred_length."),
        new("MIG-8", "PROFILE", M01, M01, "Migration is idempotent, and a migrated payload passes every -01 rule the original passed in mode 00."),
        new("CRT-1", "PROFILE", Both, None, "create signs with ES256 and sets alg, typ (exec+jwt / wimse-exec+jwt) and kid."),
        new("CRT-2", "PROFILE", Both, Both, "create fills iat = now, exp = iat + default_expiry and pred/par = [] when absent; a payload with only the other draft's DAG claim is claim_missing."),
        new("CRT-3", "PROFILE", Both, Both, "create refuses, with verification's codes, a payload verification would reject on claims alone."),
        new("HTTP-1", "PROFILE", Both, Both, "Execution-Context fields carry comma-separated compact JWSs; empty members are skipped, anything else is malformed."),
        new("LVL-1", "PROFILE", M01, M01, "Levels (-01, feature levels): JWS first, then an unsigned L1 ECT; a token below minimum_level is level_below_minimum."),
    ];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
