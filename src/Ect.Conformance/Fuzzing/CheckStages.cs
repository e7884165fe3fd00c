namespace Ect.Conformance.Fuzzing;

/// <summary>The stage of DAG-9 each error code of profile section 3 belongs to.</summary>
internal static class CheckStages
{
    private static readonly Dictionary<string, CheckStage> Stages = new(StringComparer.Ordinal)
    {
        ["token_too_large"] = CheckStage.Size,
        ["malformed"] = CheckStage.Parse,
        ["typ_invalid"] = CheckStage.Typ,
        ["alg_not_allowed"] = CheckStage.Alg,
        ["crit_unsupported"] = CheckStage.Crit,
        ["kid_missing"] = CheckStage.KidAndKey,
        ["key_unknown"] = CheckStage.KidAndKey,
        ["signature_invalid"] = CheckStage.Signature,
        ["claim_missing"] = CheckStage.Claims,
        ["claim_invalid"] = CheckStage.Claims,
        ["aud_mismatch"] = CheckStage.Claims,
        ["expired"] = CheckStage.Claims,
        ["iat_too_old"] = CheckStage.Claims,
        ["iat_in_future"] = CheckStage.Claims,
        ["jti_invalid"] = CheckStage.Claims,
        ["wid_invalid"] = CheckStage.Claims,
        ["hash_invalid"] = CheckStage.Claims,
        ["ext_too_large"] = CheckStage.Claims,
        ["ext_too_deep"] = CheckStage.Claims,
        ["pol_pair"] = CheckStage.Claims,
        ["sub_mismatch"] = CheckStage.Claims,

        // A legacy-typ token in mode 01 is read through the migration while its claims are read (profile section 2).
        ["migration_conflict"] = CheckStage.Claims,
        ["replay"] = CheckStage.Replay,
        ["dag_too_many_preds"] = CheckStage.Dag,
        ["dag_duplicate_jti"] = CheckStage.Dag,
        ["dag_pred_not_found"] = CheckStage.Dag,
        ["dag_workflow_mismatch"] = CheckStage.Dag,
        ["dag_temporal_order"] = CheckStage.Dag,
        ["dag_cycle"] = CheckStage.Dag,
        ["dag_traversal_limit"] = CheckStage.Dag,
        ["dag_duplicate_pred"] = CheckStage.Dag,
    };

    /// <summary>The stage of <paramref name="code"/>; null for a code DAG-9 does not place (<c>level_below_minimum</c>) or none.</summary>
    public static CheckStage? Of(string? code) => code is not null && Stages.TryGetValue(code, out var stage) ? stage : null;
}
