using System.Text.Json.Nodes;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>CLM-1 … CLM-9: presence, JSON types and values of the claims, aud matching, UUIDs, the DAG claim, unknown claims, the -00 policy and subject rules.</summary>
public sealed class ClaimsVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "claims";

    private static readonly ExpectedResult Missing = ExpectedResult.Invalid("claim_missing");
    private static readonly ExpectedResult Bad = ExpectedResult.Invalid("claim_invalid");

    protected override void Define()
    {
        Issuer();
        Audience();
        TimesPresent();
        JtiAndWid();
        ExecAct();
        Predecessors();
        Unknown();
        Policy();
    }

    private void Issuer()
    {
        Native("iss::spiffe", "iss a SPIFFE ID is accepted.", R("CLM-1"), t => t, ExpectedResult.Valid);
        Native("iss::https-url", "iss an HTTPS URL is accepted (SPIFFE is a SHOULD, not checked).", R("CLM-1"), t => t.Iss("https://agents.example.com/a"), ExpectedResult.Valid);
        Native("iss::missing", "A token without iss is claim_missing.", R("CLM-1"), t => t.Without("iss"), Missing);
        Native("iss::empty", "An empty iss is claim_invalid.", R("CLM-1"), t => t.Iss(""), Bad);
        Native("iss::number", "An iss that is a number is claim_invalid.", R("CLM-1"), t => t.Set("iss", 42), Bad);
        Native("iss::array", "An iss that is an array is claim_invalid.", R("CLM-1"), t => t.Set("iss", new JsonArray(Fixtures.Issuer)), Bad);
        Native("iss::null", "An iss that is null is claim_invalid.", R("CLM-1"), t => t.Set("iss", null), Bad);
    }

    private void Audience()
    {
        Native("aud::string", "aud a string equal to verifier_id is accepted.", R("CLM-2"), t => t.AudString(Fixtures.Verifier), ExpectedResult.Valid);
        Native("aud::array-single", "aud an array holding verifier_id is accepted.", R("CLM-2"), t => t, ExpectedResult.Valid);
        Native("aud::array-second", "aud an array holding verifier_id after another audience (the ledger) is accepted.", R("CLM-2"),
            t => t.Aud("spiffe://example.com/system/ledger", Fixtures.Verifier), ExpectedResult.Valid);
        Native("aud::missing", "A token without aud is claim_missing.", R("CLM-2"), t => t.Without("aud"), Missing);
        Native("aud::other-string", "aud naming another workload is aud_mismatch.", R("CLM-2"), t => t.AudString(Fixtures.Other), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("aud::other-array", "aud listing only other workloads is aud_mismatch.", R("CLM-2"), t => t.Aud(Fixtures.Other, Fixtures.Issuer), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("aud::empty-array", "An empty aud array never matches: aud_mismatch.", R("CLM-2"), t => t.Aud(), ExpectedResult.Invalid("aud_mismatch"));
        Native("aud::case-differs", "aud differing from verifier_id only in case is aud_mismatch (exact comparison).", R("CLM-2"),
            t => t.AudString(Fixtures.Verifier.ToUpperInvariant()), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("aud::prefix", "aud that extends verifier_id (a longer path) is aud_mismatch.", R("CLM-2"), t => t.AudString(Fixtures.Verifier + "/x"), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("aud::trailing-slash", "aud with a trailing slash is aud_mismatch.", R("CLM-2"), t => t.AudString(Fixtures.Verifier + "/"), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("aud::empty-string", "An empty aud string matches no verifier: aud_mismatch, or claim_invalid as an empty value.", R("CLM-2"),
            t => t.AudString(""), ExpectedResult.Invalid("aud_mismatch", "claim_invalid"));
        Native("aud::number", "An aud that is a number is claim_invalid.", R("CLM-2"), t => t.Set("aud", 7), Bad);
        Native("aud::object", "An aud that is an object is claim_invalid.", R("CLM-2"), t => t.Set("aud", new JsonObject { ["id"] = Fixtures.Verifier }), Bad);
        Native("aud::array-with-number", "An aud array holding verifier_id and a number is claim_invalid: aud is an array of strings.", R("CLM-2"),
            t => t.Set("aud", new JsonArray(Fixtures.Verifier, 7)), Bad);
        Native("aud::null", "An aud that is null is claim_invalid.", R("CLM-2"), t => t.Set("aud", null), Bad);
    }

    private void TimesPresent()
    {
        Native("iat::integers", "iat and exp as JSON integers are accepted.", R("CLM-3"), t => t.Iat(Fixtures.Now - 5).Exp(Fixtures.Now + 300), ExpectedResult.Valid);
        Native("iat::missing", "A token without iat is claim_missing.", R("CLM-3"), t => t.Without("iat"), Missing);
        Native("exp::missing", "A token without exp is claim_missing.", R("CLM-3"), t => t.Without("exp"), Missing);
        Native("iat::string", "An iat that is a numeric string is claim_invalid.", R("CLM-3"), t => t.Set("iat", "1767225590"), Bad);
        Native("exp::string", "An exp that is a numeric string is claim_invalid.", R("CLM-3"), t => t.Set("exp", "1767226190"), Bad);
        Native("iat::null", "An iat that is null is claim_invalid.", R("CLM-3"), t => t.Set("iat", null), Bad);
        Native("exp::boolean", "An exp that is a boolean is claim_invalid.", R("CLM-3"), t => t.Set("exp", true), Bad);
        Native("iat::fraction", "iat with a fractional part is a NumericDate (RFC 7519) the reference implementations never write: either verdict.", R("CLM-3"),
            t => t.Set("iat", JsonNode.Parse("1767225590.5")), ExpectedResult.Acceptable("claim_invalid"), flags: ["NonIntegerTime"]);
        Native("exp::fraction", "exp with a fractional part: either verdict.", R("CLM-3"),
            t => t.Set("exp", JsonNode.Parse("1767226190.25")), ExpectedResult.Acceptable("claim_invalid"), flags: ["NonIntegerTime"]);

        // CLM-3: an integral value in any JSON spelling is that integer, so each of these is the default token's own time.
        Native("iat::integral-float", "iat written 1767225590.0 is the integer 1767225590: accepted.", R("CLM-3"),
            t => t.Set("iat", JsonNode.Parse("1767225590.0")), ExpectedResult.Valid, flags: ["NonIntegerTime"]);
        Native("iat::exponent", "iat written 1.76722559e9 is the integer 1767225590: accepted.", R("CLM-3"),
            t => t.Set("iat", JsonNode.Parse("1.76722559e9")), ExpectedResult.Valid, flags: ["NonIntegerTime"]);
        Native("exp::integral-float", "exp written 1767226190.0 is the integer 1767226190: accepted.", R("CLM-3"),
            t => t.Set("exp", JsonNode.Parse("1767226190.0")), ExpectedResult.Valid, flags: ["NonIntegerTime"]);
        Native("exp::exponent", "exp written 1.76722619E+9 is the integer 1767226190: accepted.", R("CLM-3"),
            t => t.Set("exp", JsonNode.Parse("1.76722619E+9")), ExpectedResult.Valid, flags: ["NonIntegerTime"]);
        Native("exp::integer-mantissa-exponent", "exp written 176722619e1 is the integer 1767226190: accepted.", R("CLM-3"),
            t => t.Set("exp", JsonNode.Parse("176722619e1")), ExpectedResult.Valid, flags: ["NonIntegerTime"]);
        Native("exp::negative-exponent", "exp written 17672261900e-1 is the integer 1767226190: accepted.", R("CLM-3"),
            t => t.Set("exp", JsonNode.Parse("17672261900e-1")), ExpectedResult.Valid, flags: ["NonIntegerTime"]);
        Native("iat::negative-exponent-fraction-form", "iat written 1767225590000.000e-3 is the integer 1767225590: accepted.", R("CLM-3"),
            t => t.Set("iat", JsonNode.Parse("1767225590000.000e-3")), ExpectedResult.Valid, flags: ["NonIntegerTime"]);

        // ±(2^53 − 1) are exact in every JSON reader and judged by the token's own claims; past them either reading is allowed.
        Native("exp::safe-maximum", "exp 9007199254740991 (2^53 - 1), the largest exact JSON integer, is read as it is: accepted.", R("CLM-3", "TIME-1"),
            t => t.Set("exp", JsonNode.Parse("9007199254740991")), ExpectedResult.Valid, flags: ["UnsafeInteger"]);
        Native("iat::safe-minimum", "iat -9007199254740991 (-(2^53 - 1)) is read as it is, a time far in the past: iat_too_old.", R("CLM-3", "TIME-2"),
            t => t.Set("iat", JsonNode.Parse("-9007199254740991")), ExpectedResult.Invalid("iat_too_old"), flags: ["UnsafeInteger"]);
        Native("exp::two-to-the-53", "exp 9007199254740992 (2^53), past the exact range: refused as claim_invalid or read (then accepted).", R("CLM-3"),
            t => t.Set("exp", JsonNode.Parse("9007199254740992")), ExpectedResult.Acceptable("claim_invalid"), flags: ["UnsafeInteger"]);
        Native("exp::two-to-the-53-plus-one", "exp 9007199254740993 (2^53 + 1), which a double rounds to 2^53: refused as claim_invalid or read (then accepted).", R("CLM-3"),
            t => t.Set("exp", JsonNode.Parse("9007199254740993")), ExpectedResult.Acceptable("claim_invalid"), flags: ["UnsafeInteger"]);
        Native("exp::1e300", "exp 1e300, an integer far past the exact range: refused as claim_invalid or read (then accepted).", R("CLM-3"),
            t => t.Set("exp", JsonNode.Parse("1e300")), ExpectedResult.Acceptable("claim_invalid"), flags: ["UnsafeInteger"]);
        Native("iat::minus-two-to-the-53-plus-one", "iat -9007199254740993 (-(2^53 + 1)): refused as claim_invalid, or read as a time far in the past (iat_too_old); never accepted.", R("CLM-3", "TIME-2"),
            t => t.Set("iat", JsonNode.Parse("-9007199254740993")), ExpectedResult.Invalid("claim_invalid", "iat_too_old"), flags: ["UnsafeInteger"]);
    }

    private void JtiAndWid()
    {
        Native("jti::uuid-v4", "jti a lowercase UUIDv4 is accepted.", R("CLM-4"), t => t, ExpectedResult.Valid);
        Native("jti::uuid-upper-case", "jti an upper-case UUID is accepted (case-insensitive).", R("CLM-4"), t => t.Jti("0000000A-0000-4000-8000-0000000000AB"), ExpectedResult.Valid);
        Native("jti::uuid-v7", "jti a UUIDv7 is accepted (any version).", R("CLM-4"), t => t.Jti("019b7a2e-8c00-7cc3-98c4-dc0c0c07398f"), ExpectedResult.Valid);
        Native("jti::nil-uuid", "jti the nil UUID is accepted (8-4-4-4-12 hex).", R("CLM-4"), t => t.Jti("00000000-0000-0000-0000-000000000000"), ExpectedResult.Valid);
        Native("jti::missing", "A token without jti is claim_missing.", R("CLM-4"), t => t.Without("jti"), Missing);
        Native("jti::number", "A jti that is a number is claim_invalid.", R("CLM-4"), t => t.Set("jti", 12345), Bad);
        Native("jti::empty", "An empty jti is claim_invalid or jti_invalid.", R("CLM-4"), t => t.Jti(""), ExpectedResult.Invalid("claim_invalid", "jti_invalid"));
        Native("jti::not-uuid", "jti task-1 is not a UUID: jti_invalid.", R("CLM-4"), t => t.Jti("task-1"), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        Native("jti::no-dashes", "jti as 32 hex digits without dashes is jti_invalid.", R("CLM-4"), t => t.Jti("00000000000040008000000000000001"), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        Native("jti::braces", "jti in braces is jti_invalid.", R("CLM-4"), t => t.Jti("{" + Fixtures.Task(1) + "}"), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        Native("jti::urn", "jti as a urn:uuid: URN is jti_invalid.", R("CLM-4"), t => t.Jti("urn:uuid:" + Fixtures.Task(1)), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        Native("jti::non-hex", "jti with a g in a hex group is jti_invalid.", R("CLM-4"), t => t.Jti("g0000000-0000-4000-8000-000000000001"), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        Native("jti::not-uuid-unchecked", "jti task-1 is accepted when validate_uuids is false.", R("CLM-4"), t => t.Jti("task-1"), ExpectedResult.Valid,
            flags: ["UuidFormat"], setup: c => c.Option("validate_uuids", false));

        Native("wid::absent", "A token without wid is accepted.", R("CLM-5"), t => t.NoWid(), ExpectedResult.Valid);
        Native("wid::uuid", "wid a UUID is accepted.", R("CLM-5"), t => t, ExpectedResult.Valid);
        Native("wid::not-uuid", "wid workflow-1 is wid_invalid.", R("CLM-5"), t => t.Wid("workflow-1"), ExpectedResult.Invalid("wid_invalid"), flags: ["UuidFormat"]);
        Native("wid::not-uuid-unchecked", "wid workflow-1 is accepted when validate_uuids is false.", R("CLM-5"), t => t.Wid("workflow-1"), ExpectedResult.Valid,
            flags: ["UuidFormat"], setup: c => c.Option("validate_uuids", false));
        Native("wid::number", "A wid that is a number is claim_invalid.", R("CLM-5"), t => t.Set("wid", 1), Bad);
        Native("wid::empty", "An empty wid is wid_invalid or claim_invalid.", R("CLM-5"), t => t.Wid(""), ExpectedResult.Invalid("wid_invalid", "claim_invalid"));
        Native("wid::null", "A wid that is null is present and not a string, or read as absent: either verdict.", R("CLM-5"),
            t => t.Set("wid", null), ExpectedResult.Acceptable("claim_invalid", "wid_invalid"), flags: ["NullOptionalClaim"]);
    }

    private void ExecAct()
    {
        Native("exec-act::present", "exec_act a non-empty string is accepted.", R("CLM-6"), t => t.ExecAct("validate_safety"), ExpectedResult.Valid);
        Native("exec-act::missing", "A token without exec_act is claim_missing.", R("CLM-6"), t => t.Without("exec_act"), Missing);
        Native("exec-act::empty", "An empty exec_act is claim_invalid.", R("CLM-6"), t => t.ExecAct(""), Bad);
        Native("exec-act::number", "An exec_act that is a number is claim_invalid.", R("CLM-6"), t => t.Set("exec_act", 3), Bad);
        Native("exec-act::act-claim-only", "An RFC 8693 act claim does not stand in for exec_act: claim_missing.", R("CLM-6"),
            t => t.Without("exec_act").Set("act", new JsonObject { ["sub"] = Fixtures.Issuer }), Missing);
    }

    private void Predecessors()
    {
        Native("pred::empty-root", "An empty DAG claim marks a root task: accepted.", R("CLM-7"), t => t, ExpectedResult.Valid);
        Native("pred::missing", "A token without its DAG claim (pred in -01, par in -00) is claim_missing: a missing list is not a root.", R("CLM-7"),
            t => t.Without(t.Vocab.PredClaim()), Missing, flags: ["MissingPredecessors"]);
        Native("pred::string", "A DAG claim that is a string is claim_invalid.", R("CLM-7"), t => t.Set(t.Vocab.PredClaim(), Fixtures.Task(9)), Bad);
        Native("pred::number-element", "A DAG claim holding a number is claim_invalid.", R("CLM-7"), t => t.Set(t.Vocab.PredClaim(), new JsonArray(9)), Bad);
        Native("pred::null", "A DAG claim that is null is claim_invalid.", R("CLM-7"), t => t.Set(t.Vocab.PredClaim(), null), Bad);
        Native("pred::empty-string-element", "A DAG claim holding an empty string names no task: claim_invalid, or dag_pred_not_found.", R("CLM-7"),
            t => t.PredIds(""), ExpectedResult.Invalid("claim_invalid", "dag_pred_not_found"));
        Only01("pred::par-under-exec-jwt", "A typ exec+jwt token with par and no pred is claim_missing: -01 tokens use -01 names, and par is not silently dropped.",
            R("CLM-7"), t => t.Without("pred").Set("par", new JsonArray()), Missing, flags: ["MissingPredecessors"]);
        Only01("pred::par-ignored-under-exec-jwt", "A typ exec+jwt token with pred [] and a par naming an unknown task: par is an unknown claim in -01, ignored.",
            R("CLM-7", "CLM-8"), t => t.Set("par", new JsonArray(Fixtures.Task(9))), ExpectedResult.Valid);
        Only00("pred::pred-ignored-in-00", "A -00 token with par [] and a pred naming an unknown task: pred is an unknown claim in mode 00, ignored.",
            R("CLM-7", "CLM-8"), t => t.Set("pred", new JsonArray(Fixtures.Task(9))), ExpectedResult.Valid);
        Only00("pred::pred-instead-of-par-in-00", "A -00 token with pred and no par is claim_missing in mode 00.", R("CLM-7"),
            t => t.Without("par").Set("pred", new JsonArray()), Missing, flags: ["MissingPredecessors"]);
    }

    private void Unknown()
    {
        Native("unknown::custom-claims", "Unknown claims of every JSON type are ignored and the token accepted.", R("CLM-8"),
            t => t.Set("com.example.trace", "abc").Set("x-n", 1).Set("x-list", new JsonArray(1, "two", null)).Set("x-obj", new JsonObject { ["k"] = false }), ExpectedResult.Valid);
        Native("unknown::registered-jwt-claims", "Registered JWT claims the profile does not use (cnf, act, scope) are ignored.", R("CLM-8"),
            t => t.Set("cnf", new JsonObject { ["jkt"] = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I" }).Set("act", new JsonObject { ["sub"] = Fixtures.Other }).Set("scope", "read"), ExpectedResult.Valid);
        Native("unknown::nbf-future", "nbf is no ECT claim (ECTs are valid on issue); a verifier may ignore it or apply RFC 7519: either verdict.", R("CLM-8"),
            t => t.Set("nbf", Fixtures.Now + 300), ExpectedResult.Acceptable(), flags: ["UnusedRegisteredClaim"]);
        Only01("unknown::sub-differs-in-01", "-01 defines no sub: a sub different from iss is an unknown claim in mode 01, ignored.", R("CLM-8"),
            t => t.Set("sub", Fixtures.Other), ExpectedResult.Valid);
        Only01("unknown::pol-alone-in-01", "-01 has no top-level pol: a pol without pol_decision is ignored in mode 01.", R("CLM-8"),
            t => t.Set("pol", "policy-7"), ExpectedResult.Valid);
    }

    private void Policy()
    {
        Only00("pol::both-approved", "pol with pol_decision approved is accepted.", R("CLM-9"), t => t.Set("pol", "policy-7").Set("pol_decision", "approved"), ExpectedResult.Valid);
        Only00("pol::both-rejected", "pol with pol_decision rejected is accepted (the token records the decision).", R("CLM-9"),
            t => t.Set("pol", "policy-7").Set("pol_decision", "rejected"), ExpectedResult.Valid);
        Only00("pol::both-pending", "pol with pol_decision pending_human_review is accepted.", R("CLM-9"),
            t => t.Set("pol", "policy-7").Set("pol_decision", "pending_human_review"), ExpectedResult.Valid);
        Only00("pol::pol-alone", "pol without pol_decision is pol_pair.", R("CLM-9"), t => t.Set("pol", "policy-7"), ExpectedResult.Invalid("pol_pair"), flags: ["PolicyPair"]);
        Only00("pol::decision-alone", "pol_decision without pol is pol_pair.", R("CLM-9"), t => t.Set("pol_decision", "approved"), ExpectedResult.Invalid("pol_pair"), flags: ["PolicyPair"]);
        Only00("pol::unknown-decision", "pol_decision maybe is not one of the three values: pol_pair.", R("CLM-9"),
            t => t.Set("pol", "policy-7").Set("pol_decision", "maybe"), ExpectedResult.Invalid("pol_pair"), flags: ["PolicyPair"]);
        Only00("pol::decision-case-differs", "pol_decision Approved (capitalised) is not a known value: pol_pair.", R("CLM-9"),
            t => t.Set("pol", "policy-7").Set("pol_decision", "Approved"), ExpectedResult.Invalid("pol_pair"), flags: ["PolicyPair"]);
        Only00("pol::decision-number", "A pol_decision that is a number is claim_invalid or pol_pair.", R("CLM-9"),
            t => t.Set("pol", "policy-7").Set("pol_decision", 1), ExpectedResult.Invalid("claim_invalid", "pol_pair"), flags: ["PolicyPair"]);
        Only00("pol::empty-pol", "An empty pol with a decision is present, as the pair rule asks, but names no policy: either verdict.", R("CLM-9"),
            t => t.Set("pol", "").Set("pol_decision", "approved"), ExpectedResult.Acceptable("pol_pair", "claim_invalid"), flags: ["PolicyPair"]);
        Only00("sub::equals-iss", "sub equal to iss is accepted.", R("CLM-9"), t => t.Set("sub", Fixtures.Issuer), ExpectedResult.Valid);
        Only00("sub::differs", "sub different from iss is sub_mismatch.", R("CLM-9"), t => t.Set("sub", Fixtures.Other), ExpectedResult.Invalid("sub_mismatch"), flags: ["SubjectMismatch"]);
        Only00("sub::number", "A sub that is a number is claim_invalid or sub_mismatch.", R("CLM-9"), t => t.Set("sub", 5), ExpectedResult.Invalid("claim_invalid", "sub_mismatch"), flags: ["SubjectMismatch"]);
    }
}
