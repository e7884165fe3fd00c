namespace Ect.Conformance.Fuzzing;

/// <summary>The rule of the profile each error code is the rejection of (profile section 3), to name what a finding shows.</summary>
internal static class ErrorRules
{
    private static readonly Dictionary<string, string> Rules = new(StringComparer.Ordinal)
    {
        ["malformed"] = "PARSE-1",
        ["token_too_large"] = "PARSE-4",
        ["typ_invalid"] = "HDR-1",
        ["alg_not_allowed"] = "HDR-2",
        ["crit_unsupported"] = "HDR-4",
        ["kid_missing"] = "HDR-3",
        ["key_unknown"] = "HDR-3",
        ["signature_invalid"] = "SIG-3",
        ["claim_missing"] = "CLM-1",
        ["claim_invalid"] = "CLM-3",
        ["aud_mismatch"] = "CLM-2",
        ["expired"] = "TIME-1",
        ["iat_too_old"] = "TIME-2",
        ["iat_in_future"] = "TIME-2",
        ["jti_invalid"] = "CLM-4",
        ["wid_invalid"] = "CLM-5",
        ["hash_invalid"] = "HASH-1",
        ["ext_too_large"] = "EXT-1",
        ["ext_too_deep"] = "EXT-1",
        ["pol_pair"] = "CLM-9",
        ["sub_mismatch"] = "CLM-9",
        ["replay"] = "RPL-1",
        ["dag_duplicate_jti"] = "DAG-1",
        ["dag_pred_not_found"] = "DAG-2",
        ["dag_temporal_order"] = "DAG-3",
        ["dag_cycle"] = "DAG-4",
        ["dag_traversal_limit"] = "DAG-5",
        ["dag_too_many_preds"] = "DAG-6",
        ["dag_duplicate_pred"] = "DAG-7",
        ["dag_workflow_mismatch"] = "DAG-8",
        ["migration_conflict"] = "MIG-2",
        ["level_below_minimum"] = "LVL-1",
    };

    /// <summary>The rule <paramref name="code"/> belongs to; null for no code or one the profile does not define.</summary>
    public static string? Of(string? code) => code is not null && Rules.TryGetValue(code, out var rule) ? rule : null;
}
