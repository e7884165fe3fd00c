using System.Collections.Frozen;

namespace Ect.Errors;

/// <summary>Maps <see cref="EctErrorCode"/> to and from the profile's snake_case wire names.</summary>
public static class EctErrorCodes
{
    private static readonly string[] WireNames =
    [
        "none",
        "malformed",
        "token_too_large",
        "typ_invalid",
        "alg_not_allowed",
        "crit_unsupported",
        "kid_missing",
        "key_unknown",
        "signature_invalid",
        "claim_missing",
        "claim_invalid",
        "aud_mismatch",
        "expired",
        "iat_too_old",
        "iat_in_future",
        "jti_invalid",
        "wid_invalid",
        "hash_invalid",
        "ext_too_large",
        "ext_too_deep",
        "pol_pair",
        "sub_mismatch",
        "replay",
        "dag_duplicate_jti",
        "dag_pred_not_found",
        "dag_temporal_order",
        "dag_cycle",
        "dag_too_many_preds",
        "dag_duplicate_pred",
        "dag_workflow_mismatch",
        "dag_traversal_limit",
        "migration_conflict",
        "level_below_minimum",
    ];

    private static readonly FrozenDictionary<string, EctErrorCode> ByName =
        Enumerable.Range(1, WireNames.Length - 1).ToFrozenDictionary(i => WireNames[i], i => (EctErrorCode)i, StringComparer.Ordinal);

    /// <summary>Every profile error code (without <see cref="EctErrorCode.None"/>), in profile order.</summary>
    public static IReadOnlyList<EctErrorCode> All { get; } =
        Enumerable.Range(1, WireNames.Length - 1).Select(i => (EctErrorCode)i).ToArray();

    /// <summary>The profile's name for a code, e.g. <c>dag_cycle</c>.</summary>
    public static string ToWireName(this EctErrorCode code) => WireNames[(int)code];

    /// <summary>Parses a profile error code name; false for anything not in the profile's list.</summary>
    public static bool TryParse(string? name, out EctErrorCode code)
    {
        if (name is not null && ByName.TryGetValue(name, out code))
        {
            return true;
        }

        code = EctErrorCode.None;
        return false;
    }
}
