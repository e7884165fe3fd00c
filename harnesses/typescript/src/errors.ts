// One error type for every refusal: `code` is one of docs/profile.md section 3.

export type ErrorCode =
    | "malformed" | "token_too_large" | "typ_invalid" | "alg_not_allowed" | "crit_unsupported"
    | "kid_missing" | "key_unknown" | "signature_invalid" | "claim_missing" | "claim_invalid"
    | "aud_mismatch" | "expired" | "iat_too_old" | "iat_in_future" | "jti_invalid" | "wid_invalid"
    | "hash_invalid" | "ext_too_large" | "ext_too_deep" | "pol_pair" | "sub_mismatch" | "replay"
    | "dag_duplicate_jti" | "dag_pred_not_found" | "dag_temporal_order" | "dag_cycle"
    | "dag_too_many_preds" | "dag_duplicate_pred" | "dag_workflow_mismatch" | "dag_traversal_limit"
    | "migration_conflict";

export class EctError extends Error {
    constructor(readonly code: ErrorCode, message: string) {
        super(message);
        this.name = "EctError";
    }
}

export function fail(code: ErrorCode, message: string): never {
    throw new EctError(code, message);
}
