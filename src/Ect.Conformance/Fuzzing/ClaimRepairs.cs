using System.Text.Json.Nodes;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Honest values for each <see cref="ClaimUnit"/> of a payload, and the unit an error of the claim
/// stage is about. A repair gives the unit a value no claim rule refuses, whatever the rest of the
/// payload holds, so a claim rule the repaired payload still breaks is one the original breaks too.
/// </summary>
internal static class ClaimRepairs
{
    /// <summary>A UUID no generator draws (generated ones are random), so a repaired jti is free.</summary>
    private const string RepairedJti = "7e57c0de-0000-4000-8000-00000000f1c5";

    private static readonly Dictionary<string, ClaimUnit> ByClaim = new(StringComparer.Ordinal)
    {
        ["iss"] = ClaimUnit.Iss,
        ["sub"] = ClaimUnit.Sub,
        ["aud"] = ClaimUnit.Aud,
        ["iat"] = ClaimUnit.Iat,
        ["exp"] = ClaimUnit.Exp,
        ["jti"] = ClaimUnit.Jti,
        ["wid"] = ClaimUnit.Wid,
        ["exec_act"] = ClaimUnit.ExecAct,
        ["pred"] = ClaimUnit.Dag,
        ["par"] = ClaimUnit.Dag,
        ["inp_hash"] = ClaimUnit.Hashes,
        ["out_hash"] = ClaimUnit.Hashes,
        ["ect_ext"] = ClaimUnit.Extension,
        ["ext"] = ClaimUnit.Extension,
        ["pol"] = ClaimUnit.Policy,
        ["pol_decision"] = ClaimUnit.Policy,
    };

    private static readonly Dictionary<string, ClaimUnit> ByCode = new(StringComparer.Ordinal)
    {
        ["aud_mismatch"] = ClaimUnit.Aud,
        ["expired"] = ClaimUnit.Exp,
        ["iat_too_old"] = ClaimUnit.Iat,
        ["iat_in_future"] = ClaimUnit.Iat,
        ["jti_invalid"] = ClaimUnit.Jti,
        ["wid_invalid"] = ClaimUnit.Wid,
        ["hash_invalid"] = ClaimUnit.Hashes,
        ["ext_too_large"] = ClaimUnit.Extension,
        ["ext_too_deep"] = ClaimUnit.Extension,
        ["pol_pair"] = ClaimUnit.Policy,
        ["sub_mismatch"] = ClaimUnit.Sub,
    };

    /// <summary>Every unit, in the order they are tried when an error names none.</summary>
    public static IReadOnlyList<ClaimUnit> Units { get; } = Enum.GetValues<ClaimUnit>();

    /// <summary>
    /// The units an error is about, to repair in this order: by its code, or for <c>claim_missing</c> and
    /// <c>claim_invalid</c> the claims its message names (profile section 3: "the message names it"),
    /// <c>iat</c> before <c>exp</c> since an iat repair keeps exp as it is, expired or not. Empty when neither tells.
    /// </summary>
    public static IReadOnlyList<ClaimUnit> UnitsOf(string code, string? message)
    {
        ArgumentNullException.ThrowIfNull(code);
        IEnumerable<ClaimUnit> units = ByCode.TryGetValue(code, out var byCode) ? [byCode]
            : code is "claim_missing" or "claim_invalid" && message is not null ? Words(message).Where(ByClaim.ContainsKey).Select(w => ByClaim[w]).Order()
            : [];
        return units.Distinct().ToList();
    }

    private static IEnumerable<string> Words(string message)
    {
        var start = -1;
        for (var i = 0; i <= message.Length; i++)
        {
            var inWord = i < message.Length && (char.IsAsciiLetterLower(message[i]) || message[i] == '_');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return message[start..i];
                start = -1;
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="unit"/> of <paramref name="payload"/> honest at the rendered case's <c>now</c>
    /// and under its options (a create case has no time window, so the defaults'); false when no value of the unit is
    /// honest beside the rest of the payload (an <c>iat</c> before an <c>exp</c> that is past every window).
    /// </summary>
    public static bool Repair(ClaimUnit unit, JsonObject payload, EctDraft draft, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(input);
        var now = Number(input, "now") ?? FuzzDefaults.Now;
        var options = input["options"] as JsonObject ?? [];
        switch (unit)
        {
            case ClaimUnit.Iss:
                // sub, when present, must equal iss (CLM-9): an honest iss is the sub it has, or sub goes too.
                if (payload["sub"] is JsonValue sub && sub.TryGetValue<string>(out var subject) && subject.Length > 0)
                {
                    payload["iss"] = subject;
                }
                else
                {
                    payload["iss"] = FuzzDefaults.Issuer;
                    payload.Remove("sub");
                }

                return true;
            case ClaimUnit.Sub:
                payload.Remove("sub");
                return true;
            case ClaimUnit.Aud:
                payload["aud"] = options["verifier_id"] is JsonValue id && id.TryGetValue<string>(out var verifier) ? verifier : FuzzDefaults.VerifierId;
                return true;
            case ClaimUnit.Iat:
                return RepairIat(payload, now, options);
            case ClaimUnit.Exp:
                payload["exp"] = Math.Max(now, Number(payload, "iat") ?? now) + 600;
                return true;
            case ClaimUnit.Jti:
                payload["jti"] = RepairedJti;
                return true;
            case ClaimUnit.Wid:
                payload.Remove("wid");
                return true;
            case ClaimUnit.ExecAct:
                payload["exec_act"] = "review_spec";
                return true;
            case ClaimUnit.Dag:
                payload.Remove("par");
                payload.Remove("pred");
                payload[draft.PredClaim()] = new JsonArray();
                return true;
            case ClaimUnit.Hashes:
                payload.Remove("inp_hash");
                payload.Remove("out_hash");
                return true;
            case ClaimUnit.Extension:
                payload.Remove("ext");
                payload.Remove("ect_ext");
                return true;
            case ClaimUnit.Policy:
                payload.Remove("pol");
                payload.Remove("pol_decision");
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, "no repair for this unit");
        }
    }

    /// <summary>An iat inside [now − iat_max_age, now + iat_max_future] and before exp, when exp leaves one.</summary>
    private static bool RepairIat(JsonObject payload, long now, JsonObject options)
    {
        var maxAge = ClaimMutations.Option(options, "iat_max_age", 900);
        if (Number(payload, "exp") is not { } exp || exp > now)
        {
            payload["iat"] = now;
            return true;
        }

        if (exp - 1 >= now - maxAge)
        {
            payload["iat"] = exp - 1;
            return true;
        }

        return false;
    }

    /// <summary>A member that is a JSON integer in the range every reading shares, else null.</summary>
    private static long? Number(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<long>(out var n) && Math.Abs(n) < (1L << 53) ? n : null;
}
