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
        JsonTypes();
        EveryElement();
        NearMisses();
        NonDefaultOptions();
        SlipTypeConfusion();
        SlipStringNearMisses();
        MutationFindings();
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

    /// <summary>Every JSON type a claim must not have, where the groups above leave one out; the value sits where the claim was, so only its type is wrong.</summary>
    private void JsonTypes()
    {
        void Wrong(string claim, string kind, JsonNode? value, ExpectedResult outcome, string rule, string? mistake = null, bool only00 = false, string[]? flags = null)
        {
            var description = $"{claim} as {kind} is refused ({string.Join(" or ", outcome.Codes)}). " + (mistake ?? $"Catches a reader that takes {claim} without checking its JSON type.");
            if (only00)
            {
                Only00($"json-type::{claim.Replace('_', '-')}-{kind}", description, R(rule), t => t.Set(claim, value), outcome, flags);
            }
            else
            {
                Native($"json-type::{claim.Replace('_', '-')}-{kind}", description, R(rule), t => t.Set(claim, value), outcome, flags: flags);
            }
        }

        Wrong("iss", "boolean", true, Bad, "CLM-1");
        Wrong("iss", "object", new JsonObject { ["id"] = Fixtures.Issuer }, Bad, "CLM-1");
        Wrong("iss", "empty-array", new JsonArray(), Bad, "CLM-1");
        Wrong("aud", "boolean", true, Bad, "CLM-2", "Catches a truthy aud read as matching.");
        Wrong("aud", "nested-array", new JsonArray(new JsonArray(Fixtures.Verifier)), Bad, "CLM-2", "Catches an array flattened before matching.");
        Wrong("aud", "array-with-null", new JsonArray(Fixtures.Verifier, null), Bad, "CLM-2", "Catches element types checked only up to the first match.");
        Wrong("aud", "array-boolean-first", new JsonArray(true, Fixtures.Verifier), Bad, "CLM-2", "Catches element types checked on the first element only, or elements skipped when not strings.");
        Wrong("aud", "array-object-last", new JsonArray(Fixtures.Other, Fixtures.Verifier, new JsonObject()), Bad, "CLM-2", "Catches the element check stopping at the match.");
        Wrong("iat", "boolean", true, Bad, "CLM-3", "Catches true read as the number 1.");
        Wrong("iat", "one-element-array", new JsonArray(Fixtures.Now - 10), Bad, "CLM-3", "Catches a one-element array unwrapped to its number.");
        Wrong("iat", "object", new JsonObject { ["t"] = Fixtures.Now - 10 }, Bad, "CLM-3");
        Wrong("iat", "empty-string", "", Bad, "CLM-3", "Catches an empty string read as 0.");
        Wrong("exp", "null", null, Bad, "CLM-3", "Catches a null exp read as no expiry.");
        Wrong("exp", "one-element-array", new JsonArray(Fixtures.Now + 590), Bad, "CLM-3", "Catches a one-element array unwrapped to its number.");
        Wrong("exp", "object", new JsonObject(), Bad, "CLM-3");
        Wrong("exp", "exponent-string", "1.76722619e9", Bad, "CLM-3", "Catches a numeric string parsed as a number (near-type).");
        Wrong("jti", "boolean", true, Bad, "CLM-4");
        Wrong("jti", "null", null, Bad, "CLM-4", "Catches a null jti read as absent-but-fine or as the text null.");
        Wrong("jti", "one-element-array", new JsonArray(Fixtures.Task(1)), Bad, "CLM-4", "Catches a one-element array unwrapped to its string.");
        Wrong("jti", "object", new JsonObject { ["id"] = Fixtures.Task(1) }, Bad, "CLM-4");
        Wrong("wid", "boolean", false, Bad, "CLM-5", "Catches false read as an absent wid.");
        Wrong("wid", "one-element-array", new JsonArray(Fixtures.W1), Bad, "CLM-5", "Catches a one-element array unwrapped to its string.");
        Wrong("wid", "object", new JsonObject(), Bad, "CLM-5");
        Wrong("exec_act", "boolean", true, Bad, "CLM-6");
        Wrong("exec_act", "null", null, Bad, "CLM-6", "Catches a null exec_act read as absent-but-fine.");
        Wrong("exec_act", "one-element-array", new JsonArray(Fixtures.ExecAct), Bad, "CLM-6", "Catches a one-element array unwrapped to its string.");
        Wrong("exec_act", "object", new JsonObject { ["action"] = Fixtures.ExecAct }, Bad, "CLM-6");

        void WrongPred(string kind, JsonNode? value, string? mistake = null) =>
            Native($"json-type::pred-{kind}", $"A DAG claim (pred, par in -00) as {kind} is claim_invalid. " + (mistake ?? "Catches a reader that takes the list without checking its JSON type."),
                R("CLM-7"), t => t.Set(t.Vocab.PredClaim(), value?.DeepClone()), Bad);
        WrongPred("boolean", false, "Catches false read as an empty list (a root).");
        WrongPred("number", 0, "Catches 0 read as an empty list (a root).");
        WrongPred("object", new JsonObject(), "Catches {} read as an empty list (a root).");
        WrongPred("nested-array", new JsonArray(new JsonArray(Fixtures.Task(2))), "Catches an array flattened before it is read.");
        WrongPred("null-element", new JsonArray((JsonNode?)null), "Catches a null element skipped or read as the text null.");
        WrongPred("second-element-number", new JsonArray(Fixtures.Task(2), 9), "Catches element types checked on the first element only.");
        WrongPred("last-element-object", new JsonArray(Fixtures.Task(2), Fixtures.Task(3), new JsonObject()), "Catches element types checked on the first element only.");
        WrongPred("boolean-element", new JsonArray(true), "Catches true stringified into a task id.");

        Wrong("pol", "number", 7, ExpectedResult.Invalid("claim_invalid", "pol_pair"), "CLM-9", "PROFILE (the profile names no type for pol; the strict reading is a string, as the draft writes it). Catches a pol read without a type check.", only00: true, flags: ["PolicyPair"]);
        Wrong("pol", "object", new JsonObject { ["id"] = "policy-7" }, ExpectedResult.Invalid("claim_invalid", "pol_pair"), "CLM-9", "PROFILE (strict reading: pol is a string). Catches a pol read without a type check.", only00: true, flags: ["PolicyPair"]);
        foreach (var (kind, value) in new (string, JsonNode?)[] { ("boolean", true), ("null", null), ("one-element-array", new JsonArray("approved")), ("object", new JsonObject { ["v"] = "approved" }) })
        {
            Only00($"json-type::pol-decision-{kind}", $"pol_decision as {kind} beside pol is claim_invalid or pol_pair. Catches a decision compared after a lenient conversion (one-element arrays, ToString of objects), or null read as absent.",
                R("CLM-9"), t => t.Set("pol", "policy-7").Set("pol_decision", value?.DeepClone()), ExpectedResult.Invalid("claim_invalid", "pol_pair"), flags: ["PolicyPair"]);
        }

        Wrong("sub", "boolean", true, ExpectedResult.Invalid("claim_invalid", "sub_mismatch"), "CLM-9", only00: true, flags: ["SubjectMismatch"]);
        Wrong("sub", "one-element-array", new JsonArray(Fixtures.Issuer), ExpectedResult.Invalid("claim_invalid", "sub_mismatch"), "CLM-9", "Catches a one-element array unwrapped and found equal to iss.", only00: true, flags: ["SubjectMismatch"]);
        Wrong("sub", "object", new JsonObject { ["id"] = Fixtures.Issuer }, ExpectedResult.Invalid("claim_invalid", "sub_mismatch"), "CLM-9", only00: true, flags: ["SubjectMismatch"]);
        Only00("json-type::sub-null", "sub null is present and not a string, or read as absent: either verdict. Catches a crash comparing null with iss.", R("CLM-9"),
            t => t.Set("sub", null), ExpectedResult.Acceptable("claim_invalid", "sub_mismatch"), flags: ["NullOptionalClaim"]);
    }

    /// <summary>List checks on every position, not only the first: aud and the DAG claim's element types.</summary>
    private void EveryElement()
    {
        Native("each-element::aud-last-of-three", "aud [ledger, other, verifier_id]: the match is the last element, accepted. Catches a verifier that compares aud[0] only.", R("CLM-2"),
            t => t.Aud("spiffe://example.com/system/ledger", Fixtures.Other, Fixtures.Verifier), ExpectedResult.Valid);
        Native("each-element::aud-middle-of-three", "aud [other, verifier_id, ledger]: the match is in the middle, accepted. Catches a verifier that compares the first and last only.", R("CLM-2"),
            t => t.Aud(Fixtures.Other, Fixtures.Verifier, "spiffe://example.com/system/ledger"), ExpectedResult.Valid);
        Native("each-element::aud-repeated", "aud listing verifier_id twice is accepted: it is in aud. Catches an audience check that requires exactly one match.", R("CLM-2"),
            t => t.Aud(Fixtures.Verifier, Fixtures.Verifier), ExpectedResult.Valid);
        Native("each-element::aud-none-of-four", "aud of four other audiences is aud_mismatch. Catches a loop that returns the last comparison or counts elements instead of matches.", R("CLM-2"),
            t => t.Aud(Fixtures.Other, Fixtures.Issuer, "spiffe://example.com/agent/d", "spiffe://example.com/agent/e"), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("each-element::aud-near-misses-only", "aud of near misses of verifier_id (case, prefix, trailing slash) is aud_mismatch. Catches a loose comparison used anywhere in the list.", R("CLM-2"),
            t => t.Aud(Fixtures.Verifier.ToUpperInvariant(), Fixtures.Verifier[..^1], Fixtures.Verifier + "/"), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("each-element::pred-empty-string-second", "A DAG claim whose second element is an empty string is claim_invalid, or dag_pred_not_found. Catches emptiness checked on the first element only.", R("CLM-7"),
            t => t.Set(t.Vocab.PredClaim(), new JsonArray(Fixtures.Task(2), "")), ExpectedResult.Invalid("claim_invalid", "dag_pred_not_found"));
    }

    /// <summary>String comparisons the claim rules make (aud, sub = iss, pol_decision, UUID shape), one character off.</summary>
    private void NearMisses()
    {
        var v = Fixtures.Verifier;
        foreach (var (kind, value) in new (string, string)[]
        {
            ("aud-leading-space", " " + v), ("aud-trailing-space", v + " "), ("aud-shorter-prefix", v[..^1]), ("aud-scheme-case", "SPIFFE" + v[6..]),
            ("aud-cyrillic-a", v.Replace("agent", "\u0430gent", StringComparison.Ordinal)),
            ("aud-percent-encoded", v.Replace("/b", "/%62", StringComparison.Ordinal)), ("aud-double-slash", v.Replace("/agent", "//agent", StringComparison.Ordinal)),
        })
        {
            Native($"near-miss::{kind}", $"aud {kind.Replace("aud-", "", StringComparison.Ordinal)} of verifier_id is aud_mismatch: aud matches exactly. Catches trimming, case folding, prefix matching, Unicode normalisation or URL decoding before the comparison.",
                R("CLM-2"), t => t.AudString(value), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        }

        Native("near-miss::aud-in-array-trailing-space", "aud [other, verifier_id + space] is aud_mismatch. Catches trimming of array elements.", R("CLM-2"),
            t => t.Aud(Fixtures.Other, v + " "), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("near-miss::iss-contains-verifier", "iss is not matched against verifier_id: a token whose iss equals verifier_id but whose aud is another workload is aud_mismatch. Catches the audience check reading the wrong claim.", R("CLM-2"),
            t => t.Iss(v).AudString(Fixtures.Other), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);

        var iss = Fixtures.Issuer;
        foreach (var (kind, value) in new (string, string)[]
        {
            ("sub-case", iss.ToUpperInvariant()), ("sub-trailing-slash", iss + "/"), ("sub-trailing-space", iss + " "), ("sub-prefix", iss[..^1]),
            ("sub-cyrillic-a", iss.Replace("agent/a", "agent/\u0430", StringComparison.Ordinal)),
        })
        {
            Only00($"near-miss::{kind}", $"sub {kind.Replace("sub-", "", StringComparison.Ordinal)} of iss is sub_mismatch: sub equals iss exactly. Catches a case-insensitive, trimmed, prefix or normalised comparison.",
                R("CLM-9"), t => t.Set("sub", value), ExpectedResult.Invalid("sub_mismatch"), flags: ["SubjectMismatch"]);
        }

        foreach (var (kind, value) in new (string, string)[]
        {
            ("decision-trailing-space", "approved "), ("decision-upper-case", "APPROVED"), ("decision-prefix", "approve"), ("decision-suffix", "approved2"),
            ("decision-hyphen", "pending-human-review"), ("decision-leading-space", " rejected"),
        })
        {
            Only00($"near-miss::pol-{kind}", $"pol_decision \"{value}\" is no known value: pol_pair. Catches trimming, case folding, prefix matching or _/- folding of the decision.",
                R("CLM-9"), t => t.Set("pol", "policy-7").Set("pol_decision", value), ExpectedResult.Invalid("pol_pair"), flags: ["PolicyPair"]);
        }

        foreach (var (kind, value) in new (string, string)[]
        {
            ("jti-leading-space", " " + Fixtures.Task(1)), ("jti-trailing-space", Fixtures.Task(1) + " "), ("jti-last-group-short", Fixtures.Task(1)[..^1]),
            ("jti-last-group-long", Fixtures.Task(1) + "0"), ("jti-dash-moved", "0000000-00000-4000-8000-000000000001"), ("jti-fullwidth-digit", "\uff10" + Fixtures.Task(1)[1..]),
            ("jti-underscores", Fixtures.Task(1).Replace('-', '_')),
        })
        {
            Native($"near-miss::{kind}", $"jti {kind.Replace("jti-", "", StringComparison.Ordinal)} of a UUID is jti_invalid. Catches a UUID check by length, by a regular expression without anchors, or by a parser that trims or accepts other digits.",
                R("CLM-4"), t => t.Jti(value), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        }

        Native("near-miss::wid-trailing-newline", "wid with a trailing newline is wid_invalid. Catches a UUID pattern whose $ matches before a final newline.", R("CLM-5"),
            t => t.Wid(Fixtures.W1 + "\n"), ExpectedResult.Invalid("wid_invalid"), flags: ["UuidFormat"]);
        Native("near-miss::jti-trailing-newline", "jti with a trailing newline is jti_invalid. Catches a UUID pattern whose $ matches before a final newline.", R("CLM-4"),
            t => t.Jti(Fixtures.Task(1) + "\n"), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
    }

    /// <summary>Parameters the claim rules read, away from their defaults.</summary>
    private void NonDefaultOptions()
    {
        Verify("option::verifier-id-other", "With verifier_id agent-c, a token for agent-c is accepted. Catches a verifier_id hard-coded to the usual value instead of read from the options.")
            .Rules("CLM-2").Drafts("01").Option("verifier_id", Fixtures.Other).Accept(T01.AudString(Fixtures.Other).Build());
        Verify("option::verifier-id-other-00", "With verifier_id agent-c, a token for agent-c is accepted (-00 form).")
            .Rules("CLM-2").Drafts("00").Option("verifier_id", Fixtures.Other).Accept(T00.AudString(Fixtures.Other).Build());
        Verify("option::verifier-id-other-rejects-usual", "With verifier_id agent-c, a token for agent-b (the usual verifier) is aud_mismatch. Catches a verifier_id hard-coded to the usual value.")
            .Rules("CLM-2").Drafts("01").Flags("AudienceConfusion").Option("verifier_id", Fixtures.Other).Reject(T01.Build(), "aud_mismatch");
        Verify("option::verifier-id-other-rejects-usual-00", "With verifier_id agent-c, a token for agent-b (the usual verifier) is aud_mismatch (-00 form).")
            .Rules("CLM-2").Drafts("00").Flags("AudienceConfusion").Option("verifier_id", Fixtures.Other).Reject(T00.Build(), "aud_mismatch");
        Native("option::uuids-off-jti-number", "With validate_uuids false a jti that is a number is still claim_invalid: the option turns off the UUID format, not the type. Catches validate_uuids false skipping every jti check.", R("CLM-4"),
            t => t.Set("jti", 12345), Bad, flags: ["UuidFormat"], setup: c => c.Option("validate_uuids", false));
        Native("option::uuids-off-wid-number", "With validate_uuids false a wid that is a number is still claim_invalid. Catches validate_uuids false skipping every wid check.", R("CLM-5"),
            t => t.Set("wid", 7), Bad, flags: ["UuidFormat"], setup: c => c.Option("validate_uuids", false));
        Native("option::uuids-off-jti-missing", "With validate_uuids false a token without jti is still claim_missing. Catches validate_uuids false making jti optional.", R("CLM-4"),
            t => t.Without("jti"), Missing, flags: ["UuidFormat"], setup: c => c.Option("validate_uuids", false));
    }

    /// <summary>Wrong JSON types that a slipped reader takes for right ones although every vector above passes (tests/harness-slips).</summary>
    private void SlipTypeConfusion()
    {
        Native("slip-type-confusion::iat-true", "iat true, under an iat_max_age of 2,000,000,000 s that the time 1 would meet: claim_invalid. Catches a reader that takes JSON true for the number 1 (as Python's bool is an int) and then accepts the token.",
            R("CLM-3"), t => t.Set("iat", true), Bad, setup: c => c.Option("iat_max_age", 2_000_000_000));
        Native("slip-type-confusion::exec-act-one-element-array", "exec_act [\"review_spec\"], a one-element array holding the right string: claim_invalid. Catches a reader that unwraps a one-element array where a string is required.",
            R("CLM-6"), t => t.Set("exec_act", new JsonArray(Fixtures.ExecAct)), Bad);
        Native("slip-type-confusion::jti-one-element-array", "jti as a one-element array holding a UUID: claim_invalid. Catches a reader that unwraps a one-element array where a string is required.",
            R("CLM-4"), t => t.Set("jti", new JsonArray(Fixtures.Task(1))), Bad);
    }

    /// <summary>Identifiers that a slipped pattern match lets through (tests/harness-slips).</summary>
    private void SlipStringNearMisses()
    {
        Native("slip-string::jti-uuid-with-suffix", "jti a UUID followed by -1: jti_invalid. Catches a UUID pattern matched at the start of the string only (a regular expression search or match without an end anchor).",
            R("CLM-4"), t => t.Jti(Fixtures.Task(1) + "-1"), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        Native("slip-string::jti-uuid-extra-digit", "jti a UUID whose last group has 13 hexadecimal digits: jti_invalid. Catches a UUID pattern without an end anchor.",
            R("CLM-4"), t => t.Jti(Fixtures.Task(1) + "0"), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        Native("slip-string::jti-uuid-with-newline", "jti a UUID followed by a newline: jti_invalid. Catches a pattern anchored with $, which also matches before a final newline.",
            R("CLM-4"), t => t.Jti(Fixtures.Task(1) + "\n"), ExpectedResult.Invalid("jti_invalid"), flags: ["UuidFormat"]);
        Native("slip-string::wid-uuid-with-suffix", "wid a UUID followed by -1: wid_invalid. Catches a UUID pattern matched at the start of the string only.",
            R("CLM-5"), t => t.Wid(Fixtures.Workflow(1) + "-1"), ExpectedResult.Invalid("wid_invalid"), flags: ["UuidFormat"]);
        Native("slip-string::aud-trailing-space", "aud holding verifier_id followed by a space: aud_mismatch (exact comparison). Catches audiences trimmed before they are compared.",
            R("CLM-2"), t => t.Aud(Fixtures.Verifier + " "), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Native("slip-string::aud-string-leading-space", "aud a string of a space and verifier_id: aud_mismatch. Catches audiences trimmed before they are compared.",
            R("CLM-2"), t => t.AudString(" " + Fixtures.Verifier), ExpectedResult.Invalid("aud_mismatch"), flags: ["AudienceConfusion"]);
        Only00("slip-string::sub-case-differs", "sub equal to iss but for case: sub_mismatch (sub repeats iss exactly). Catches a case-insensitive comparison of sub and iss.",
            R("CLM-9"), t => t.Set("sub", Fixtures.Issuer.ToUpperInvariant()), ExpectedResult.Invalid("sub_mismatch"), flags: ["SubjectMismatch"]);
    }

    /// <summary>
    /// Number spellings and list elements that a one-step change of the engine's readers got wrong while every
    /// vector above still passed (docs/mutation.md): the spellings reach the verifier as written, signed inside the token.
    /// </summary>
    private void MutationFindings()
    {
        Native("iat::leading-zeros-exponent", "iat written 0.0000000000000000000017672256e30 (twenty zeros after the point, then the digits) is the integer 1767225600, now: accepted. Catches a reader that counts leading zeros as significant digits and so finds the value out of range.",
            R("CLM-3"), t => t.Set("iat", JsonNode.Parse("0.0000000000000000000017672256e30")), ExpectedResult.Valid, flags: ["NonIntegerTime"]);
        Native("iat::zero-with-fraction", "iat written 0.0 is the integer 0 (1970), within an iat_max_age of 2,000,000,000 s: accepted. Catches a reader that takes a zero written with a fraction for a fraction.",
            R("CLM-3", "TIME-2"), t => t.Set("iat", JsonNode.Parse("0.0")), ExpectedResult.Valid, flags: ["NonIntegerTime"], setup: c => c.Option("iat_max_age", 2_000_000_000));
        Native("exp::fraction-before-now", "exp 1767225500.5, a fraction 99.5 s before now: refused as claim_invalid (a fraction), or read as the time it is and expired; never accepted. Catches a reader that drops the decimal point (17672255005, far in the future).",
            R("CLM-3", "TIME-1"), t => t.Iat(Fixtures.Now - 200).Set("exp", JsonNode.Parse("1767225500.5")), ExpectedResult.Invalid("claim_invalid", "expired"), flags: ["NonIntegerTime"]);
        Native("iat::past-two-to-the-63", "iat 9999999999999999999, past 2^53 and past 2^63 (nineteen digits, which a double still holds): refused as claim_invalid, or read as a time far in the future (iat_in_future, or claim_invalid as exp is then before iat); never accepted. Catches a reader that wraps a value past 2^63 into a negative time (then iat_too_old).",
            R("CLM-3", "TIME-2"), t => t.Set("iat", JsonNode.Parse("9999999999999999999")), ExpectedResult.Invalid("claim_invalid", "iat_in_future"), flags: ["UnsafeInteger"]);
        Native("exp::fraction-of-21-digits", "exp 1767226190.00000000001, 21 significant digits that a double holds as 1767226190: refused as claim_invalid (a fraction) or read (then accepted). Catches a reader that keeps significant digits in a fixed buffer of 20 and overruns it, failing with an error of its own.",
            R("CLM-3"), t => t.Set("exp", JsonNode.Parse("1767226190.00000000001")), ExpectedResult.Acceptable("claim_invalid"), flags: ["NonIntegerTime"]);

        // CLM-2 asks aud only to be a string or an array of strings holding verifier_id; where the profile wants a value
        // non-empty it says so (CLM-1 iss, CLM-6 exec_act), so an empty element beside the match is no reason to refuse.
        Native("each-element::aud-empty-beside-verifier", "aud [verifier_id, \"\"]: verifier_id is one of its elements, and CLM-2 does not ask the elements to be non-empty (as CLM-1 and CLM-6 ask of iss and exec_act): accepted. Catches an audience reader that refuses an empty element, as a reader of the DAG claim may.",
            R("CLM-2"), t => t.Aud(Fixtures.Verifier, ""), ExpectedResult.Valid);
    }
}
