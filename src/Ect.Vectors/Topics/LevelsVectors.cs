using System.Text;
using Ect.Parsing;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>LVL-1 (feature levels, mode 01): unsigned level-1 ECTs, JWS level 2, and the minimum level.</summary>
public sealed class LevelsVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "levels";

    protected override void Define()
    {
        var l1 = Unsigned(P(Vocab.V01).Build().ToJsonString());
        Case("l1::at-minimum-1", "An unsigned level-1 ECT (base64url of the JSON payload) is accepted when minimum_level is 1.", 1).Accept(l1);
        Case("l1::below-minimum-2", "An unsigned level-1 ECT is level_below_minimum when minimum_level is 2.", 2).Flags("Downgrade").Reject(l1, "level_below_minimum");
        Case("l2::at-minimum-2", "A JWS (level 2) is accepted when minimum_level is 2.", 2).Accept(T01.Build());
        Case("l2::at-minimum-1", "A JWS (level 2) is accepted when minimum_level is 1: the verifier tries JWS first.", 1).Accept(T01.Build());
        Case("l2::minimum-3", "A JWS with no ledger receipt against minimum_level 3: level_below_minimum, or accepted where the verifier's own ledger append counts as level 3.", 3)
            .Allow(T01.Build(), "level_below_minimum");
        Case("l1::claims-checked", "A level-1 ECT without iss is claim_missing: the claims are checked as for a JWS.", 1)
            .Reject(Unsigned(P(Vocab.V01).Without("iss").Build().ToJsonString()), "claim_missing");
        Case("l1::below-minimum-and-bad-claims", "A level-1 ECT below the minimum that also lacks iss: level_below_minimum or claim_missing.", 2).Flags("Downgrade")
            .Reject(Unsigned(P(Vocab.V01).Without("iss").Build().ToJsonString()), "level_below_minimum", "claim_missing");
        Case("l1::replay", "A level-1 ECT presented twice: accepted, then replay.", 1).Flags("Replay").Accept(l1).Reject(l1, "replay");
        Case("l1::not-json", "One base64url segment that is not JSON is malformed.", 1).Reject(Unsigned("not json"), "malformed");
        Case("l1::json-array", "One base64url segment holding a JSON array is malformed.", 1).Reject(Unsigned("[1,2]"), "malformed");
        Case("l1::not-json-below-minimum", "One base64url segment that is not JSON, under the usual minimum_level 2: malformed, not level_below_minimum. PROFILE, strict reading of LVL-1: a token that is neither a JWS nor the base64url of a JSON object is no level-1 ECT, so the minimum level does not apply to it. Catches a fallback that takes every single-segment token for level 1 before parsing it.", 2)
            .Reject(Unsigned("not json"), "malformed");
        Case("l1::json-array-below-minimum", "One base64url segment holding a JSON array, under minimum_level 2: malformed, not level_below_minimum. PROFILE, strict reading of LVL-1: a JSON array is no JSON ECT, so no level-1 token. Catches a level check that runs before the payload is known to be a JSON object.", 2)
            .Reject(Unsigned("[1,2]"), "malformed");
        Case("l1::then-child", "A level-1 root is stored like any accepted ECT: a JWS child naming it is accepted.", 1)
            .Accept(Unsigned(P(Vocab.V01).Jti(1).Issued(Fixtures.Now - 60).Build().ToJsonString()))
            .Accept(T01.Jti(2).Pred(1).Build());

        Case("json-type::l1-iat-string", "A level-1 ECT whose iat is a numeric string is claim_invalid, as for a JWS. Catches unsigned tokens read with a laxer claim reader.", 1)
            .Reject(Unsigned(P(Vocab.V01).Set("iat", "1767225590").Build().ToJsonString()), "claim_invalid");
        Case("json-type::l1-json-string", "One base64url segment holding a JSON string is malformed. Catches a fallback that accepts any JSON value.", 1)
            .Reject(Unsigned("\"exec\""), "malformed");
        Case("near-miss::l1-padded", "A level-1 ECT with base64 padding is no base64url segment as PARSE-1 reads one: malformed. PROFILE: the profile says base64url; the strict reading is PARSE-1's, without padding. Catches a lenient decoder on the fallback path.", 1)
            .Reject(Padded(P(Vocab.V01).Build().ToJsonString()), "malformed");
        Case("each-element::l1-below-minimum-after-l2", "With minimum_level 2, a JWS is accepted and then a level-1 ECT is level_below_minimum: the minimum holds for every token, not only the first. Catches a level decided once per verifier.", 2).Flags("Downgrade")
            .Accept(T01.Jti(1).Build())
            .Reject(Unsigned(P(Vocab.V01).Jti(2).Build().ToJsonString()), "level_below_minimum");
    }

    /// <summary>A level-1 ECT whose base64url text is padded with '=' to a multiple of four.</summary>
    private static Token Padded(string json)
    {
        // Trailing whitespace is insignificant JSON; it makes the byte count no multiple of three, so padding is needed.
        while (Encoding.UTF8.GetByteCount(json) % 3 == 0)
        {
            json += " ";
        }

        var text = Base64Url.Encode(Encoding.UTF8.GetBytes(json));
        text += new string('=', (4 - (text.Length % 4)) % 4);
        return new(text, Vocab.V01, null, ["level 1 (unsigned), padded: " + (json.Length > 160 ? json[..160] + "..." : json)], false);
    }

    private VerifyCase Case(string name, string description, int minimum) =>
        Verify(name, description).Rules("LVL-1").Drafts("01").Features("levels").Option("minimum_level", minimum);

    private static Token Unsigned(string json) =>
        new(Base64Url.Encode(Encoding.UTF8.GetBytes(json)), Vocab.V01, json.StartsWith('{') ? System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject() : null,
            ["level 1 (unsigned): " + (json.Length > 160 ? json[..160] + "..." : json)], false);
}
