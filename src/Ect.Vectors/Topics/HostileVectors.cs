using System.Text;
using System.Text.Json.Nodes;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>PARSE-5 and hostile input: deep nesting, huge numbers, long values, lone surrogates, escaped NUL; nothing here may crash or hang a verifier.</summary>
public sealed class HostileVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "hostile";

    protected override void Define()
    {
        Native("nesting::moderate-unknown-claim", "An unknown claim nested 32 arrays deep is ignored: accepted.", R("PARSE-5", "CLM-8"),
            t => t.RawPayload(Insert(t.PayloadJson(), "\"x-deep\":" + Nested(32))), ExpectedResult.Valid, flags: ["DeepNesting"]);
        Native("nesting::arrays-20000", "An unknown claim nested 20,000 arrays deep: rejected as malformed or ignored, never a crash.", R("PARSE-5"),
            t => t.RawPayload(Insert(t.PayloadJson(), "\"x-deep\":" + Nested(20_000))), ExpectedResult.Acceptable("malformed"), flags: ["DeepNesting", "ResourceExhaustion"]);
        Native("nesting::objects-5000", "An unknown claim nested 5,000 objects deep: rejected as malformed or ignored.", R("PARSE-5"),
            t => t.RawPayload(Insert(t.PayloadJson(), "\"x-deep\":" + NestedObjects(5_000))), ExpectedResult.Acceptable("malformed"), flags: ["DeepNesting", "ResourceExhaustion"]);
        Native("nesting::extension-10000", "An extension nested 10,000 deep (20,000 bytes): ext_too_deep, ext_too_large (the profile does not order them) or malformed in mode 01; in mode 00 either verdict.", R("PARSE-5", "EXT-1"),
            t => t.RawPayload(Insert(t.PayloadJson(), "\"" + t.Vocab.ExtClaim() + "\":{\"k\":" + Nested(10_000) + "}")),
            ExpectedResult.Invalid("ext_too_deep", "ext_too_large", "malformed"), ExpectedResult.Acceptable("ext_too_deep", "ext_too_large", "malformed"),
            flags: ["DeepNesting", "ResourceExhaustion"]);
        Native("nesting::header-5000", "An unknown header parameter nested 5,000 deep: rejected as malformed or ignored.", R("PARSE-5"),
            t => t.RawHeader("{\"alg\":\"ES256\",\"typ\":\"" + t.Vocab.Typ() + "\",\"kid\":\"agent-a\",\"x-deep\":" + Nested(5_000) + "}"),
            ExpectedResult.Acceptable("malformed"), flags: ["DeepNesting", "ResourceExhaustion"]);

        Native("size::many-claims", "2,000 small unknown claims are ignored: accepted.", R("PARSE-5", "CLM-8"),
            t => ManyClaims(t, 2_000), ExpectedResult.Valid, flags: ["ResourceExhaustion"]);
        Native("size::long-string", "An unknown claim holding a 40,000-character string is ignored: accepted.", R("PARSE-5", "CLM-8"),
            t => t.Set("x-long", new string('z', 40_000)), ExpectedResult.Valid, flags: ["ResourceExhaustion"]);
        Native("size::many-preds", "1,000 predecessors are dag_too_many_preds, found without looking each one up.", R("PARSE-5", "DAG-6"),
            t => t.Pred(Enumerable.Range(1000, 1_000).ToArray()), ExpectedResult.Invalid("dag_too_many_preds"), flags: ["ResourceExhaustion", "PredecessorLimit"]);
        Native("size::long-kid", "A 10,000-character kid names no key: key_unknown.", R("PARSE-5", "HDR-3"), t => t.Kid(new string('k', 10_000)), ExpectedResult.Invalid("key_unknown"), flags: ["ResourceExhaustion"]);
        Native("size::long-alg", "A 10,000-character alg is alg_not_allowed.", R("PARSE-5", "HDR-2"), t => t.Alg(new string('E', 10_000)), ExpectedResult.Invalid("alg_not_allowed"), flags: ["ResourceExhaustion"]);

        Native("number::huge-exponent-unknown", "An unknown claim 1e400 (beyond IEEE double): ignored, or rejected as malformed by a parser that cannot hold it.", R("PARSE-5", "CLM-8"),
            t => t.RawPayload(Insert(t.PayloadJson(), "\"x-n\":1e400")), ExpectedResult.Acceptable("malformed"), flags: ["HugeNumber"]);
        Native("number::300-digits-unknown", "An unknown claim holding a 300-digit integer: ignored, or rejected as malformed.", R("PARSE-5", "CLM-8"),
            t => t.RawPayload(Insert(t.PayloadJson(), "\"x-n\":" + new string('9', 300))), ExpectedResult.Acceptable("malformed"), flags: ["HugeNumber"]);
        Native("number::iat-huge", "iat 1e400 is no usable time: claim_invalid, malformed, or iat_in_future.", R("PARSE-5", "CLM-3"),
            t => t.RawPayload(t.PayloadJson().Replace("\"iat\":1767225590", "\"iat\":1e400", StringComparison.Ordinal)),
            ExpectedResult.Invalid("claim_invalid", "malformed", "iat_in_future"), flags: ["HugeNumber"]);
        Native("number::exp-huge", "exp 1e400 is no usable time (read as infinity it would never expire): either verdict.", R("PARSE-5", "CLM-3"),
            t => t.RawPayload(t.PayloadJson().Replace("\"exp\":1767226190", "\"exp\":1e400", StringComparison.Ordinal)),
            ExpectedResult.Acceptable("claim_invalid", "malformed"), flags: ["HugeNumber"]);
        Native("number::iat-negative", "A negative iat is far more than iat_max_age old: iat_too_old.", R("PARSE-5", "TIME-2"),
            t => t.Iat(-1_767_225_590), ExpectedResult.Invalid("iat_too_old"), flags: ["HugeNumber"]);

        Native("unicode::lone-surrogate-unknown", "An unknown claim holding a lone surrogate escape (\\ud800): valid JSON text but no Unicode string; ignored or rejected.", R("PARSE-5", "CLM-8"),
            t => t.RawPayload(Insert(t.PayloadJson(), "\"x-s\":\"\\ud800\"")), ExpectedResult.Acceptable("malformed"), flags: ["LoneSurrogate"]);
        Native("unicode::lone-surrogate-exec-act", "exec_act holding a lone surrogate escape: rejected as malformed or claim_invalid, or accepted.", R("PARSE-5", "CLM-6"),
            t => t.RawPayload(t.PayloadJson().Replace("review_spec", "review\\udc00spec", StringComparison.Ordinal)), ExpectedResult.Acceptable("malformed", "claim_invalid"), flags: ["LoneSurrogate"]);
        Native("unicode::lone-surrogate-wid", "wid ending in a lone surrogate escape (\\ud800) is no UUID and no Unicode string: malformed, claim_invalid or wid_invalid. Catches a reader that turns a string it cannot decode into an absent claim, so the token passes as one of no workflow.", R("PARSE-5", "CLM-5"),
            t => t.RawPayload(t.PayloadJson().Replace("000000000001\",\"exec_act", "00000000000\\ud800\",\"exec_act", StringComparison.Ordinal)),
            ExpectedResult.Invalid("malformed", "claim_invalid", "wid_invalid"), flags: ["LoneSurrogate"]);
        Native("unicode::escaped-nul", "exec_act holding an escaped NUL (\\u0000) is a valid string: accepted.", R("PARSE-5", "CLM-6"),
            t => t.RawPayload(t.PayloadJson().Replace("review_spec", "review\\u0000spec", StringComparison.Ordinal)), ExpectedResult.Valid, flags: ["EmbeddedNul"]);
        Native("unicode::escaped-nul-in-aud", "aud with an escaped NUL after verifier_id does not equal it: aud_mismatch.", R("PARSE-5", "CLM-2"),
            t => t.AudString(Fixtures.Verifier + "\u0000"), ExpectedResult.Invalid("aud_mismatch"), flags: ["EmbeddedNul", "AudienceConfusion"]);
        Native("unicode::raw-nul", "A raw NUL byte inside a JSON string is malformed.", R("PARSE-5", "PARSE-2"),
            t => t.RawPayload(t.PayloadJson().Replace("review_spec", "review\0spec", StringComparison.Ordinal)), ExpectedResult.Invalid("malformed"), flags: ["EmbeddedNul"]);
    }

    private static string Insert(string json, string member) => "{" + member + "," + json[1..];

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string NestedObjects(int depth)
    {
        var text = new StringBuilder(depth * 7);
        for (var i = 0; i < depth; i++)
        {
            text.Append("{\"a\":");
        }

        text.Append("null");
        text.Append('}', depth);
        return text.ToString();
    }

    private static TokenBuilder ManyClaims(TokenBuilder t, int count)
    {
        for (var i = 0; i < count; i++)
        {
            t.Set("x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i);
        }

        return t;
    }
}
