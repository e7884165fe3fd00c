using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// Every code the profile allows for a result the reference rejects, the reference's own first. DAG-9
/// orders the stages, not the claim rules within the claim stage: a token (or a create payload) that
/// breaks several claim rules may carry the code of any of them. The reference reports only the first
/// it checks, so the others are found by asking it again with the claims of each reported error made
/// honest (<see cref="ClaimRepairs"/>) until the claim stage passes. Two codes of other stages are
/// both right by the rule itself: a <c>kid</c> that is present but not a non-empty string is neither
/// clearly missing nor a key id (HDR-3: <c>kid_missing</c> or <c>key_unknown</c>), and a <c>jti</c>
/// the store holds, with replay checks on, is a replay to a verifier whose replay record is its store
/// (RPL-1 lets the scope be the workflow or global), and so is a token refused by a DAG check whose
/// <c>jti</c> an earlier token of the case had been accepted under, in another workflow. A task naming its own <c>jti</c> is a cycle that
/// DAG-2 may catch first (DAG-4: <c>dag_cycle</c> or <c>dag_pred_not_found</c>).
/// </summary>
internal static class RightCodes
{
    /// <summary>
    /// The codes for result <paramref name="index"/> of <paramref name="fuzzCase"/>, which the reference
    /// rejected with <paramref name="code"/>; <paramref name="reference"/> answers a variant of the case, and
    /// <paramref name="acceptedEarlier"/> tells whether an earlier token of the case with a given <c>jti</c>
    /// was accepted (in any workflow).
    /// </summary>
    public static IReadOnlyList<string> For(FuzzCase fuzzCase, JsonObject input, int index, string code, string? message, Func<FuzzCase, JsonArray?> reference, Func<string, bool>? acceptedEarlier = null)
    {
        ArgumentNullException.ThrowIfNull(fuzzCase);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(reference);
        var codes = new List<string> { code };
        var verify = fuzzCase.Operation == CaseOperation.Verify;
        if (verify && code == "kid_missing" && Segment(input["tokens"]?[index], 0) is { } header && header.ContainsKey("kid"))
        {
            codes.Add("key_unknown");
        }

        // RPL-1: the replay scope may be global, and replay runs before the DAG checks (DAG-9), so a DAG
        // refusal of a jti the store holds, or that an earlier token of the case was accepted under in
        // another workflow, is a replay to such a verifier whatever else the token breaks.
        if (verify && CheckStages.Of(code) == CheckStage.Dag
            && input["options"]?["replay_check"] is JsonValue check && check.TryGetValue<bool>(out var on) && on
            && (code == "dag_duplicate_jti" || AcceptedEarlier(input, index, acceptedEarlier)))
        {
            codes.Add("replay");
        }

        if (code == "dag_pred_not_found" && NamesItself(fuzzCase.Operation == CaseOperation.Dag ? input["payload"] as JsonObject : Segment(input["tokens"]?[index], 1)))
        {
            codes.Add("dag_cycle");
        }

        if (CheckStages.Of(code) == CheckStage.Claims && (verify || fuzzCase.Operation == CaseOperation.Create))
        {
            OtherClaimCodes(fuzzCase, input, index, code, message, reference, codes);
        }

        return codes;
    }

    /// <summary>
    /// Repairs the unit each claim error is about, in turn (one the error does not name: the next unit
    /// not yet repaired), and asks the reference again, until the result leaves the claim stage.
    /// </summary>
    private static void OtherClaimCodes(FuzzCase fuzzCase, JsonObject input, int index, string code, string? message, Func<FuzzCase, JsonArray?> reference, List<string> codes)
    {
        var create = fuzzCase.Operation == CaseOperation.Create;
        var recipe = fuzzCase.Recipe.DeepClone().AsObject();
        if (PayloadOf(recipe, create, index) is not { } payload)
        {
            return;
        }

        var units = ClaimRepairs.Units;
        var repaired = new HashSet<ClaimUnit>();
        while (repaired.Count < units.Count)
        {
            var unit = ClaimRepairs.UnitsOf(code, message).Where(u => !repaired.Contains(u)).DefaultIfEmpty(units.First(u => !repaired.Contains(u))).First();
            repaired.Add(unit);
            if (!ClaimRepairs.Repair(unit, payload, fuzzCase.Mode, input))
            {
                continue;
            }

            var results = reference(fuzzCase with { Recipe = recipe });
            if (results is null || index >= results.Count || results[index] is not JsonObject result
                || !JsonText.TryGetString(result["error"], out var next) || CheckStages.Of(next) != CheckStage.Claims)
            {
                // Valid, or stopped outside the claim stage: at a later one no claim rule is left broken; at an earlier
                // one (a repair that made the token too large) what is left is not seen, which only loses codes.
                return;
            }

            if (!codes.Contains(next))
            {
                codes.Add(next);
            }

            code = next;
            message = JsonText.TryGetString(result["message"], out var text) ? text : null;
        }
    }

    /// <summary>
    /// The payload a repair may change: a verify token's payload object (not exact text), or create's.
    /// A change after signing is kept: one the reference read claims through changed no signed byte.
    /// </summary>
    private static JsonObject? PayloadOf(JsonObject recipe, bool create, int index)
    {
        if (create)
        {
            return recipe["payload"] as JsonObject;
        }

        return recipe["tokens"] is JsonArray tokens && index < tokens.Count && tokens[index] is JsonObject token && TokenRecipe.IsRecipe(token)
            && token["payload"] is JsonObject payload && !token.ContainsKey("payload_text")
            ? payload
            : null;
    }

    private static bool NamesItself(JsonObject? payload) =>
        payload is not null && JsonText.TryGetString(payload["jti"], out var jti)
        && new[] { payload["pred"], payload["par"] }.OfType<JsonArray>().Any(list => list.Any(p => JsonText.TryGetString(p, out var pred) && pred == jti));

    /// <summary>The header (0) or payload (1) of a compact token as a JSON object; null when it is not one.</summary>
    private static bool AcceptedEarlier(JsonObject input, int index, Func<string, bool>? acceptedEarlier) =>
        acceptedEarlier is not null && Segment(input["tokens"]?[index], 1)?["jti"] is JsonValue jti
        && jti.TryGetValue<string>(out var id) && acceptedEarlier(id);

    private static JsonObject? Segment(JsonNode? token, int segment)
    {
        if (token is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Split('.') is not { Length: 3 } parts)
        {
            return null;
        }

        try
        {
            return Ect.Parsing.Base64Url.Decode(parts[segment]) is { } json ? JsonNode.Parse(json) as JsonObject : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
