using System.Text;
using System.Text.Json.Nodes;
using Ect.Parsing;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>PARSE-1 … PARSE-4: compact serialization, base64url, JSON objects, duplicate members, size.</summary>
public sealed class ParseVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "parse";

    private static readonly string[] Both = ["00", "01"];

    protected override void Define()
    {
        Segments();
        Base64();
        Json();
        Utf8();
        Duplicates();
        Size();
    }

    private void Malformed(string name, string description, string[] rules, Token token, params string[] flags) =>
        Verify(name, description).Rules(rules).Drafts(Both).Flags(flags).Reject(token, "malformed");

    private void Segments()
    {
        Native("segments::three", "A compact JWS of three base64url segments with JSON object header and payload is accepted.",
            R("PARSE-1", "PARSE-2"), t => t, ExpectedResult.Valid);
        Malformed("segments::two", "Header and payload without a signature segment (two segments) are malformed.", R("PARSE-1"),
            T01.Mutate(Mutations.TwoSegments).Build());
        Malformed("segments::four", "A fourth segment makes the token malformed.", R("PARSE-1"), T01.Mutate(Mutations.FourSegments).Build());
        Malformed("segments::five-jwe", "Five segments (the JWE compact shape) are malformed: ECTs are JWS only.", R("PARSE-1"),
            T01.Mutate(Mutations.FiveSegments).Build(), "JweConfusion");
        Malformed("segments::trailing-dot", "A '.' after the signature adds an empty fourth segment.", R("PARSE-1"), T01.Mutate(Mutations.TrailingDot).Build());
        Verify("segments::empty-string", "The empty string is malformed.").Rules("PARSE-1").Drafts(Both).Reject(Raw(""), "malformed");
        Verify("segments::dots-only", "Two dots and nothing else are three empty segments: malformed.").Rules("PARSE-1").Drafts(Both).Reject(Raw(".."), "malformed");
        Malformed("segments::empty-header", "An empty header segment is malformed.", R("PARSE-1", "PARSE-2"), T01.Mutate(Mutations.EmptyHeader).Build());
        Malformed("segments::empty-payload", "An empty payload segment is no JSON object: malformed.", R("PARSE-1", "PARSE-2"), T01.Mutate(Mutations.EmptyPayload).Build());
        Native("segments::empty-signature-reaches-alg", "An empty signature segment is well-formed, so an alg none token is refused by the alg check, not as malformed.",
            R("PARSE-1", "HDR-2"), t => t.Alg("none").SignedBy(Signer.None), ExpectedResult.Invalid("alg_not_allowed"), flags: ["AlgNone"]);

        var unsigned = Raw(Ect.Parsing.Base64Url.Encode(Encoding.UTF8.GetBytes(P(Vocab.V00).Build().ToJsonString())));
        Verify("segments::one-segment-in-00", "One base64url segment holding a JSON payload (the shape of a -01 level-1 ECT) is malformed in mode 00, which has no levels.")
            .Rules("PARSE-1").Drafts("00").Reject(unsigned, "malformed");
        Verify("segments::one-segment-in-01", "One base64url segment holding a JSON payload in mode 01: malformed for a verifier without levels, level_below_minimum for one with levels at its usual minimum (2).")
            .Rules("PARSE-1").Drafts("01").Flags("Downgrade").Reject(Raw(Ect.Parsing.Base64Url.Encode(Encoding.UTF8.GetBytes(P(Vocab.V01).Build().ToJsonString()))), "malformed", "level_below_minimum");
        var token = T01.Build().Text.Split('.');
        var flattened = new JsonObject { ["protected"] = token[0], ["payload"] = token[1], ["signature"] = token[2] };
        Verify("json-serialization::flattened", "The flattened JSON serialization of a valid JWS is malformed: ECTs use the compact form.")
            .Rules("PARSE-1").Drafts(Both).Flags("JsonSerialization").Reject(Raw(flattened.ToJsonString()), "malformed");
        var general = new JsonObject
        {
            ["payload"] = token[1],
            ["signatures"] = new JsonArray(new JsonObject { ["protected"] = token[0], ["signature"] = token[2] }),
        };
        Verify("json-serialization::general", "The general JSON serialization of a valid JWS is malformed.")
            .Rules("PARSE-1").Drafts(Both).Flags("JsonSerialization").Reject(Raw(general.ToJsonString()), "malformed");
    }

    private void Base64()
    {
        Native("base64url::padded-header", "A header segment with '=' padding is malformed (RFC 7515 §2: no padding), even though the signature covers it.",
            R("PARSE-1"), t => t.Header("x-pad", "ab").HeaderEncoding(Mutations.Padded), ExpectedResult.Invalid("malformed"), flags: ["Base64Variant"]);
        Native("base64url::standard-alphabet", "A payload segment in the standard base64 alphabet ('+' and '/') is malformed.",
            R("PARSE-1"), t => t.Set("note", "??>>??>>??>>").PayloadEncoding(Mutations.StandardAlphabet), ExpectedResult.Invalid("malformed"), flags: ["Base64Variant"]);
        Native("base64url::inner-space", "A space inside the payload segment is malformed.", R("PARSE-1"),
            t => t.PayloadEncoding(Mutations.InnerSpace), ExpectedResult.Invalid("malformed"), flags: ["Base64Variant"]);
        Native("base64url::inner-newline", "A line break inside the payload segment is malformed.", R("PARSE-1"),
            t => t.PayloadEncoding(Mutations.InnerNewline), ExpectedResult.Invalid("malformed"), flags: ["Base64Variant"]);
        Malformed("base64url::leading-space", "A space before the token is malformed.", R("PARSE-1"), T01.Mutate(Mutations.LeadingSpace).Build(), "Base64Variant");
        Malformed("base64url::trailing-newline", "A line feed after the token is malformed.", R("PARSE-1"), T01.Mutate(Mutations.TrailingNewline).Build(), "Base64Variant");
        Malformed("base64url::foreign-character", "A character outside the base64url alphabet is malformed.", R("PARSE-1"), T01.Mutate(Mutations.ForeignCharacter).Build());
        Malformed("base64url::impossible-length", "A segment of 4k+1 characters decodes to no byte string: malformed.", R("PARSE-1"), T01.Mutate(Mutations.ImpossibleLength).Build());
        Native("base64url::one-character-signature", "A signature segment of one character ('A') under a known kid decodes to no byte string: malformed, not signature_invalid. Catches a decoded-length formula that gives a 4k+1 segment a length (one byte) instead of refusing it.",
            R("PARSE-1"), t => t.Mutate(Mutations.OneCharacterSignature), ExpectedResult.Invalid("malformed"));
        Native("base64url::non-canonical-header", "A header segment whose last character has unused bits set decodes to the same header; rejecting it as malformed and accepting it are both allowed.",
            R("PARSE-1"), t => t.Header("x-pad", "ab").HeaderEncoding(Mutations.NonCanonical), ExpectedResult.Acceptable("malformed"), flags: ["NonCanonicalBase64"]);
    }

    private void Json()
    {
        Native("json::header-array", "A header that is a JSON array is malformed.", R("PARSE-2"),
            t => t.RawHeader("[\"ES256\",\"" + t.Vocab.Typ() + "\",\"agent-a\"]"), ExpectedResult.Invalid("malformed"));
        Native("json::header-not-json", "A header that is not JSON is malformed.", R("PARSE-2"), t => t.RawHeader("alg=ES256"), ExpectedResult.Invalid("malformed"));
        Native("json::payload-array", "A payload that is a JSON array is malformed.", R("PARSE-2"), t => t.RawPayload("[" + t.PayloadJson() + "]"), ExpectedResult.Invalid("malformed"));
        Native("json::payload-string", "A payload that is a JSON string is malformed.", R("PARSE-2"), t => t.RawPayload("\"review_spec\""), ExpectedResult.Invalid("malformed"));
        Native("json::payload-number", "A payload that is a JSON number is malformed.", R("PARSE-2"), t => t.RawPayload("1767225600"), ExpectedResult.Invalid("malformed"));
        Native("json::payload-null", "A payload that is JSON null is malformed.", R("PARSE-2"), t => t.RawPayload("null"), ExpectedResult.Invalid("malformed"));
        Native("json::payload-trailing-garbage", "A payload object followed by other characters is malformed.", R("PARSE-2"),
            t => t.RawPayload(t.PayloadJson() + "x"), ExpectedResult.Invalid("malformed"));
        Native("json::payload-two-objects", "Two JSON objects in one payload are malformed.", R("PARSE-2"), t => t.RawPayload(t.PayloadJson() + "{}"), ExpectedResult.Invalid("malformed"));
        Native("json::payload-trailing-comma", "A trailing comma in the payload object is malformed JSON.", R("PARSE-2"),
            t => t.RawPayload(t.PayloadJson()[..^1] + ",}"), ExpectedResult.Invalid("malformed"));
        Native("json::payload-comment", "A comment in the payload is malformed JSON.", R("PARSE-2"),
            t => t.RawPayload("/* ect */" + t.PayloadJson()), ExpectedResult.Invalid("malformed"));
        Native("json::payload-single-quotes", "Single-quoted member names are malformed JSON.", R("PARSE-2"),
            t => t.RawPayload(t.PayloadJson().Replace("\"exec_act\"", "'exec_act'", StringComparison.Ordinal)), ExpectedResult.Invalid("malformed"));
        Native("json::payload-nan", "NaN is not a JSON number: malformed.", R("PARSE-2"),
            t => t.RawPayload(t.PayloadJson().Replace("\"iat\":1767225590", "\"iat\":NaN", StringComparison.Ordinal)), ExpectedResult.Invalid("malformed"));
        Native("json::payload-leading-zero", "A number with a leading zero is malformed JSON.", R("PARSE-2"),
            t => t.RawPayload(t.PayloadJson().Replace("\"iat\":1767225590", "\"iat\":01767225590", StringComparison.Ordinal)), ExpectedResult.Invalid("malformed"));
        Native("json::payload-raw-control-character", "An unescaped tab inside a JSON string is malformed.", R("PARSE-2"),
            t => t.RawPayload(t.PayloadJson().Replace("review_spec", "review\tspec", StringComparison.Ordinal)), ExpectedResult.Invalid("malformed"));
        Native("json::payload-whitespace-around", "Whitespace around the payload object is valid JSON: the token is accepted.", R("PARSE-2"),
            t => t.RawPayload(" \n" + t.PayloadJson() + "\r\n "), ExpectedResult.Valid);
        Native("json::payload-escaped-solidus", "An escaped solidus in a string is valid JSON and reads as '/'.", R("PARSE-2"),
            t => t.RawPayload(t.PayloadJson().Replace("spiffe://example.com/agent/a", "spiffe:\\/\\/example.com\\/agent\\/a", StringComparison.Ordinal)), ExpectedResult.Valid);
    }

    private void Utf8()
    {
        Native("utf8::invalid-byte", "A payload with an invalid UTF-8 sequence (0xC3 0x28) inside a string is malformed.", R("PARSE-2"),
            t => t.RawPayloadBytes(Bytes(t.PayloadJson(), "review_spec", [0xC3, 0x28])), ExpectedResult.Invalid("malformed"), flags: ["InvalidUtf8"]);
        Native("utf8::overlong", "An overlong UTF-8 encoding of '/' (0xC0 0xAF) is malformed.", R("PARSE-2"),
            t => t.RawPayloadBytes(Bytes(t.PayloadJson(), "review_spec", [0xC0, 0xAF])), ExpectedResult.Invalid("malformed"), flags: ["InvalidUtf8"]);
        Native("utf8::encoded-surrogate", "A UTF-8-encoded surrogate (0xED 0xA0 0x80) is malformed.", R("PARSE-2"),
            t => t.RawPayloadBytes(Bytes(t.PayloadJson(), "review_spec", [0xED, 0xA0, 0x80])), ExpectedResult.Invalid("malformed"), flags: ["InvalidUtf8"]);
        // The two above sit in exec_act, which every reader decodes; these sit where no claim reader looks, so only a check of the whole text catches them.
        Native("utf8::invalid-byte-in-unregistered-claim",
            "Invalid UTF-8 (0xC3 0x28) in a claim the profile does not define is malformed: a verifier that checks UTF-8 only while decoding the claims it reads accepts it.",
            R("PARSE-2"), t => t.RawPayloadBytes(Bytes(Prepend(t.PayloadJson(), "\"note\":\"#\""), "#", [0xC3, 0x28])), ExpectedResult.Invalid("malformed"), flags: ["InvalidUtf8"]);
        Native("utf8::invalid-byte-in-unregistered-header-member",
            "Invalid UTF-8 (0xC3 0x28) in a header member the profile does not define is malformed: a verifier that checks UTF-8 only while decoding typ, alg and kid accepts it.",
            R("PARSE-2"), t => t.RawHeaderBytes(Bytes("{\"alg\":\"ES256\",\"typ\":\"" + t.Vocab.Typ() + "\",\"kid\":\"agent-a\",\"note\":\"#\"}", "#", [0xC3, 0x28])),
            ExpectedResult.Invalid("malformed"), flags: ["InvalidUtf8"]);
        Native("utf8::utf16-payload", "A payload encoded in UTF-16LE is malformed: JWS JSON is UTF-8.", R("PARSE-2"),
            t => t.RawPayloadBytes(Encoding.Unicode.GetBytes(t.PayloadJson())), ExpectedResult.Invalid("malformed"), flags: ["InvalidUtf8"]);
        Native("utf8::non-ascii-literal", "Non-ASCII text written as UTF-8 in a claim is accepted.", R("PARSE-2"),
            t => t.ExecAct("prüfe_spezifikation_ü€𝄞"), ExpectedResult.Valid);
        Native("utf8::non-ascii-escaped", "Non-ASCII text written as \\u escapes (with a surrogate pair) is accepted and reads as the same text.", R("PARSE-2"),
            t => t.RawPayload(t.PayloadJson().Replace("review_spec", "pr\\u00fcfe_\\ud834\\udd1e", StringComparison.Ordinal)), ExpectedResult.Valid);
        Native("utf8::bom-before-payload", "A byte order mark before the payload JSON: RFC 8259 lets a parser ignore it or reject it.", R("PARSE-2"),
            t => t.RawPayloadBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(t.PayloadJson())]), ExpectedResult.Acceptable("malformed"), flags: ["ByteOrderMark"]);
        Native("utf8::bom-before-header", "A byte order mark before the header JSON: ignoring it and rejecting it are both allowed.", R("PARSE-2"),
            t => t.RawHeaderBytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"alg\":\"ES256\",\"typ\":\"" + t.Vocab.Typ() + "\",\"kid\":\"agent-a\"}")]),
            ExpectedResult.Acceptable("malformed"), flags: ["ByteOrderMark"]);
    }

    private void Duplicates()
    {
        Native("duplicates::payload-aud", "Two aud members (another verifier's first, this verifier's last) are malformed; a last-wins reader would accept.",
            R("PARSE-3"), t => t.RawPayload(Prepend(t.PayloadJson(), "\"aud\":[\"" + Fixtures.Other + "\"]")), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("duplicates::payload-iss", "Two iss members are malformed.", R("PARSE-3"),
            t => t.RawPayload(Prepend(t.PayloadJson(), "\"iss\":\"spiffe://evil.example/agent\"")), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("duplicates::payload-escaped-name", "\"aud\" and \"\\u0061ud\" are the same member name once unescaped: malformed.", R("PARSE-3"),
            t => t.RawPayload(Prepend(t.PayloadJson(), "\"\\u0061ud\":[\"" + Fixtures.Other + "\"]")), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("duplicates::header-alg", "A header with alg none followed by alg ES256 is malformed; a last-wins reader sees ES256, a first-wins reader none.", R("PARSE-3"),
            t => t.RawHeader("{\"alg\":\"none\",\"alg\":\"ES256\",\"typ\":\"" + t.Vocab.Typ() + "\",\"kid\":\"agent-a\"}"), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("duplicates::header-kid", "A header with two kid members is malformed.", R("PARSE-3"),
            t => t.RawHeader("{\"alg\":\"ES256\",\"typ\":\"" + t.Vocab.Typ() + "\",\"kid\":\"agent-b\",\"kid\":\"agent-a\"}"), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("duplicates::nested-in-extension", "A duplicate member inside the extension object: RFC 7519 speaks of claim names only, so rejecting and accepting are both allowed.",
            R("PARSE-3"), t => t.RawPayload(t.Ext(new JsonObject()).PayloadJson().Replace("{}", "{\"com.example.k\":1,\"com.example.k\":2}", StringComparison.Ordinal)),
            ExpectedResult.Acceptable("malformed"), flags: ["DuplicateMember"]);
        Native("duplicates::case-differs", "aud and AUD are different member names; the unknown AUD is ignored and the token accepted.", R("PARSE-3", "CLM-8"),
            t => t.Set("AUD", Fixtures.Other), ExpectedResult.Valid);

        Native("each-element::duplicate-unknown-claim", "An unknown claim given twice at the end of the payload is malformed: PARSE-3 concerns every member, not only the claims the verifier reads. Catches a duplicate check limited to known claims.",
            R("PARSE-3"), t => t.RawPayload(t.PayloadJson()[..^1] + ",\"x-a\":1,\"x-a\":2}"), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("each-element::duplicate-first-and-last", "exec_act as the first and the last member of the payload is malformed. Catches a duplicate check of neighbouring members only.",
            R("PARSE-3"), t => t.RawPayload(Prepend(t.PayloadJson(), "\"exec_act\":\"delete_prod\"")), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("each-element::duplicate-header-unknown", "An unknown header parameter given twice is malformed. Catches a header duplicate check of alg, typ and kid only.",
            R("PARSE-3"), t => t.RawHeader("{\"alg\":\"ES256\",\"typ\":\"" + t.Vocab.Typ() + "\",\"kid\":\"agent-a\",\"x\":1,\"x\":2}"), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("near-miss::escaped-non-ascii-name", "\"x-\\u00e9\" and a raw \"x-é\" are one member name once unescaped: malformed. Catches a duplicate check on the raw text of names.",
            R("PARSE-3"), t => t.RawPayload(t.PayloadJson()[..^1] + ",\"x-\\u00e9\":1,\"x-\u00e9\":2}"), ExpectedResult.Invalid("malformed"), flags: ["DuplicateMember"]);
        Native("near-miss::name-with-trailing-space", "\"aud \" (with a trailing space) is another member name: an unknown claim, ignored, and the token accepted. Catches member names trimmed before lookup or the duplicate check.",
            R("PARSE-3", "CLM-8"), t => t.Set("aud ", Fixtures.Other), ExpectedResult.Valid);
    }

    private void Size()
    {
        Native("size::at-limit", "A valid token of exactly max_token_bytes (2048) bytes is accepted.", R("PARSE-4"),
            t => Sized(t, 2048), ExpectedResult.Valid, setup: c => c.Option("max_token_bytes", 2048));
        Native("size::one-over-limit", "A valid token one byte over max_token_bytes (2049 of 2048) is token_too_large.", R("PARSE-4"),
            t => Sized(t, 2049), ExpectedResult.Invalid("token_too_large"), setup: c => c.Option("max_token_bytes", 2048));
        Verify("size::default-limit-garbage", "65,537 characters that are no token exceed the default max_token_bytes (65,536): token_too_large, before any decoding.")
            .Rules("PARSE-4").Drafts(Both).Flags("ResourceExhaustion").Reject(Raw(new string('!', 65_537)), "token_too_large");
        Verify("size::multibyte-over-limit", "600 two-byte characters are 1200 bytes, over max_token_bytes 1000 although only 600 characters: token_too_large.")
            .Rules("PARSE-4").Drafts(Both).Option("max_token_bytes", 1000).Reject(Raw(new string('é', 600)), "token_too_large");

        SizeBoundaries();
    }

    /// <summary>max_token_bytes one below the limit, and at and past the default and a larger value, so a hard-coded 65,536 is caught.</summary>
    private void SizeBoundaries()
    {
        Native("boundary::one-below-limit", "A valid token one byte under max_token_bytes (2047 of 2048) is accepted. Catches a size bound off by one on the inside (length >= max).", R("PARSE-4"),
            t => Sized(t, 2047), ExpectedResult.Valid, setup: c => c.Option("max_token_bytes", 2048));
        Native("boundary::default-at-limit", "A valid token of exactly 65,536 bytes (the default max_token_bytes) is accepted. Catches a bound off by one at the default (length >= max).", R("PARSE-4"),
            t => Sized(t, 65_536), ExpectedResult.Valid, flags: ["ResourceExhaustion"]);
        Native("boundary::default-one-over", "A valid token of 65,537 bytes is token_too_large under the default max_token_bytes. Catches a bound checked only on garbage, or after decoding.", R("PARSE-4"),
            t => Sized(t, 65_537), ExpectedResult.Invalid("token_too_large"), flags: ["ResourceExhaustion"]);
        Native("option::limit-100000-accepts-70000", "With max_token_bytes 100,000, a valid 70,000-byte token is accepted. Catches a hard-coded max_token_bytes of 65,536.", R("PARSE-4"),
            t => Sized(t, 70_000), ExpectedResult.Valid, flags: ["ResourceExhaustion"], setup: c => c.Option("max_token_bytes", 100_000));
        Native("option::limit-100000-refuses-100001", "With max_token_bytes 100,000, a valid 100,001-byte token is token_too_large. Catches a limit read but never applied above the default.", R("PARSE-4"),
            t => Sized(t, 100_001), ExpectedResult.Invalid("token_too_large"), flags: ["ResourceExhaustion"], setup: c => c.Option("max_token_bytes", 100_000));
    }

    /// <summary>The token padded with an unknown claim (and, when needed, a header parameter) to exactly <paramref name="bytes"/> bytes.</summary>
    private static TokenBuilder Sized(TokenBuilder t, int bytes)
    {
        foreach (var headerPad in new[] { "", "x", "xy", "xyz" })
        {
            if (headerPad.Length > 0)
            {
                t.Header("x-pad", headerPad);
            }

            // The length never falls as the filler grows, and grows by at most 4 characters per 3 bytes (plus padding),
            // so every filler below this start gives a shorter token: the first exact fit is the same, found without
            // building thousands of near-64 KiB tokens.
            t.Set("x-pad", "");
            var start = Math.Max(0, ((bytes - t.Build().Text.Length - 8) * 3 / 4) - 4);
            for (var filler = start; filler < bytes; filler++)
            {
                t.Set("x-pad", new string('a', filler));
                var length = t.Build().Text.Length;
                if (length == bytes)
                {
                    return t;
                }

                if (length > bytes)
                {
                    break;
                }
            }
        }

        throw new InvalidOperationException($"no filler gives a {bytes}-byte token");
    }

    private static string Prepend(string json, string member) => "{" + member + "," + json[1..];

    private static byte[] Bytes(string json, string marker, byte[] insert)
    {
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        var before = Encoding.UTF8.GetBytes(json[..at]);
        var after = Encoding.UTF8.GetBytes(json[at..]);
        return [.. before, .. insert, .. after];
    }
}
