using System.Text;
using System.Text.Json.Nodes;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>HDR-1 … HDR-4: typ, alg (with the alg-none and HMAC key-confusion classics), kid and embedded keys, crit.</summary>
public sealed class HeaderVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "header";

    protected override void Define()
    {
        Typ();
        Alg();
        Kid();
        Crit();
        JsonTypes();
        NearMisses();
        NonDefaultOptions();
        SlipTypeConfusion();
        MutationFindings();
        LoneSurrogates();
    }

    private void Typ()
    {
        Verify("typ::exec-jwt-in-01", "typ exec+jwt is the preferred -01 value: accepted in mode 01.").Rules("HDR-1").Drafts("01").Accept(T01.Build());
        Verify("typ::wimse-exec-jwt-in-00", "typ wimse-exec+jwt is the -00 value: accepted in mode 00.").Rules("HDR-1").Drafts("00").Accept(T00.Build());
        Verify("typ::wimse-exec-jwt-in-01", "typ wimse-exec+jwt (legacy) is accepted in mode 01, the token read through the migration.")
            .Rules("HDR-1", "MIG-1").Drafts("01").Accept(T00.Build());
        Verify("typ::wimse-exec-jwt-with-pred-in-01", "typ wimse-exec+jwt on a payload that already uses pred (no par) is accepted in mode 01: migration leaves pred as it is.")
            .Rules("HDR-1", "MIG-8").Drafts("01").Accept(T01.Typ("wimse-exec+jwt").Build());
        Verify("typ::exec-jwt-in-00", "typ exec+jwt is not accepted in mode 00.").Rules("HDR-1").Drafts("00")
            .Reject(T00.Typ("exec+jwt").Build(), "typ_invalid");
        Native("typ::application-prefix", "typ with the application/ prefix names the same media type (RFC 7515 §4.1.9) but the reference implementations compare exactly: either verdict.",
            R("HDR-1"), t => t.Typ("application/" + t.Vocab.Typ()), ExpectedResult.Acceptable("typ_invalid"), flags: ["TypVariant"]);
        Native("typ::upper-case", "typ in upper case names the same media type (RFC 2045) but differs as a string: either verdict.",
            R("HDR-1"), t => t.Typ(t.Vocab.Typ().ToUpperInvariant()), ExpectedResult.Acceptable("typ_invalid"), flags: ["TypVariant"]);
        Native("typ::mixed-case", "typ in mixed case: either verdict.", R("HDR-1"),
            t => t.Typ(t.Vocab == Vocab.V00 ? "Wimse-Exec+JWT" : "Exec+JWT"), ExpectedResult.Acceptable("typ_invalid"), flags: ["TypVariant"]);
        Verify("typ::application-exec-jwt-in-00", "application/exec+jwt is the -01 media type, not accepted in mode 00.").Rules("HDR-1").Drafts("00")
            .Reject(T00.Typ("application/exec+jwt").Build(), "typ_invalid");
        Native("typ::jwt", "typ JWT is a generic JWT, not an ECT.", R("HDR-1"), t => t.Typ("JWT"), ExpectedResult.Invalid("typ_invalid"), flags: ["TokenConfusion"]);
        Native("typ::other-media-type", "typ at+jwt (an OAuth access token) is not an ECT.", R("HDR-1"), t => t.Typ("at+jwt"), ExpectedResult.Invalid("typ_invalid"), flags: ["TokenConfusion"]);
        Native("typ::trailing-space", "A typ with a trailing space is another string.", R("HDR-1"), t => t.Typ(t.Vocab.Typ() + " "), ExpectedResult.Invalid("typ_invalid"));
        Native("typ::prefix-only", "typ exec (without +jwt) is not accepted.", R("HDR-1"), t => t.Typ("exec"), ExpectedResult.Invalid("typ_invalid"));
        Native("typ::missing", "A header without typ is typ_invalid.", R("HDR-1"), t => t.NoHeader("typ"), ExpectedResult.Invalid("typ_invalid"));
        Native("typ::empty", "An empty typ is typ_invalid.", R("HDR-1"), t => t.Typ(""), ExpectedResult.Invalid("typ_invalid"));
        Native("typ::number", "A typ that is a number is typ_invalid.", R("HDR-1"), t => t.Typ(1), ExpectedResult.Invalid("typ_invalid"));
        Native("typ::array", "A typ that is an array holding the right value is typ_invalid.", R("HDR-1"),
            t => t.Typ(new JsonArray(t.Vocab.Typ())), ExpectedResult.Invalid("typ_invalid"));
        Native("typ::null", "A typ that is null is typ_invalid.", R("HDR-1"), t => t.Typ(null), ExpectedResult.Invalid("typ_invalid"));
    }

    private void Alg()
    {
        Native("alg::es256", "alg ES256 with a valid signature by the kid's key is accepted.", R("HDR-2", "HDR-3"), t => t, ExpectedResult.Valid);
        Native("alg::none-empty-signature", "alg none with an empty signature is alg_not_allowed.", R("HDR-2"),
            t => t.Alg("none").SignedBy(Signer.None), ExpectedResult.Invalid("alg_not_allowed"), flags: ["AlgNone"]);
        Native("alg::none-with-signature", "alg none followed by a valid ES256 signature is still alg_not_allowed.", R("HDR-2"),
            t => t.Alg("none"), ExpectedResult.Invalid("alg_not_allowed"), flags: ["AlgNone"]);
        Native("alg::none-mixed-case", "alg nOnE is not an allowed algorithm.", R("HDR-2"),
            t => t.Alg("nOnE").SignedBy(Signer.None), ExpectedResult.Invalid("alg_not_allowed"), flags: ["AlgNone"]);
        var jwkText = Encoding.UTF8.GetBytes(KeyRing.Public(Keys.AgentA).ToJsonString());
        Native("alg::hs256-keyed-with-jwk", "HS256 keyed with the JSON text of agent-a's public JWK (key confusion) is alg_not_allowed.", R("HDR-2"),
            t => t.Alg("HS256").SignedBy(Signer.Hs256(jwkText, "agent-a's public JWK text")), ExpectedResult.Invalid("alg_not_allowed"), flags: ["KeyConfusion"]);
        using var ecdsa = Keys.AgentA.ToPublic().ToECDsa();
        var pem = Encoding.ASCII.GetBytes(ecdsa.ExportSubjectPublicKeyInfoPem());
        Native("alg::hs256-keyed-with-pem", "HS256 keyed with the PEM text of agent-a's public key is alg_not_allowed.", R("HDR-2"),
            t => t.Alg("HS256").SignedBy(Signer.Hs256(pem, "agent-a's public key as PEM")), ExpectedResult.Invalid("alg_not_allowed"), flags: ["KeyConfusion"]);
        var point = (byte[])[0x04, .. Ect.Parsing.Base64Url.Decode(Keys.AgentA.X)!, .. Ect.Parsing.Base64Url.Decode(Keys.AgentA.Y)!];
        Native("alg::hs256-keyed-with-point", "HS256 keyed with agent-a's uncompressed public point is alg_not_allowed.", R("HDR-2"),
            t => t.Alg("HS256").SignedBy(Signer.Hs256(point, "agent-a's uncompressed public point")), ExpectedResult.Invalid("alg_not_allowed"), flags: ["KeyConfusion"]);
        Native("alg::hs256-with-oct-key-in-set", "HS256 is refused even when the kid names a symmetric key in the verifier's set.", R("HDR-2"),
            t => t.Alg("HS256").SignedBy(Signer.Hs256(Ect.Parsing.Base64Url.Decode(KeyRing.Oct("agent-a")["k"]!.GetValue<string>())!, "the oct key of the set")),
            ExpectedResult.Invalid("alg_not_allowed"), flags: ["KeyConfusion"], setup: c => c.Keys(KeyRing.Oct("agent-a")));
        foreach (var alg in new[] { "RS256", "PS256", "ES384", "ES512", "EdDSA", "ES256K" })
        {
            Native("alg::" + alg.ToLowerInvariant(), $"alg {alg} is not in allowed_algs [ES256].", R("HDR-2"), t => t.Alg(alg), ExpectedResult.Invalid("alg_not_allowed"));
        }

        Native("alg::lower-case", "alg es256: algorithm names are case-sensitive (RFC 7515 §4.1.1).", R("HDR-2"), t => t.Alg("es256"), ExpectedResult.Invalid("alg_not_allowed"));
        Native("alg::missing", "A header without alg is alg_not_allowed.", R("HDR-2"), t => t.NoHeader("alg"), ExpectedResult.Invalid("alg_not_allowed"));
        Native("alg::empty", "An empty alg is alg_not_allowed.", R("HDR-2"), t => t.Alg(""), ExpectedResult.Invalid("alg_not_allowed"));
        Native("alg::number", "An alg that is a number is alg_not_allowed.", R("HDR-2"), t => t.Alg(256), ExpectedResult.Invalid("alg_not_allowed"));
        Native("alg::not-in-allowed-algs", "A valid ES256 token is alg_not_allowed when allowed_algs lists only ES384.", R("HDR-2"),
            t => t, ExpectedResult.Invalid("alg_not_allowed"), setup: c => c.Option("allowed_algs", new JsonArray("ES384")));
        Native("alg::one-of-allowed-algs", "A valid ES256 token is accepted when allowed_algs lists ES384 and ES256.", R("HDR-2"),
            t => t, ExpectedResult.Valid, setup: c => c.Option("allowed_algs", new JsonArray("ES384", "ES256")));
    }

    private void Kid()
    {
        Native("kid::second-key", "A token signed by agent-b under kid agent-b is accepted when the set holds both keys.", R("HDR-3"),
            t => t.Kid("agent-b").SignedBy(Signer.Es256(Keys.AgentB)), ExpectedResult.Valid,
            setup: c => c.Keys(KeyRing.Public(Keys.AgentA), KeyRing.Public(Keys.AgentB)));
        Native("kid::escaped-after-first", "A kid spelled with a JSON escape after its first character (agent-\\u0061) is the key id agent-a once the header is read as JSON: accepted. Catches a kid looked up in its escaped spelling.", R("HDR-3"),
            t => t.RawHeader(EscapeKid(t.HeaderJson(), "agent-\\u0061")), ExpectedResult.Valid);
        Native("kid::escaped-first", "A kid whose first character is a JSON escape (\\u0061gent-a) is the key id agent-a: accepted. Catches a kid looked up in its escaped spelling.", R("HDR-3"),
            t => t.RawHeader(EscapeKid(t.HeaderJson(), "\\u0061gent-a")), ExpectedResult.Valid);
        Native("kid::missing", "A header without kid is kid_missing.", R("HDR-3"), t => t.NoHeader("kid"), ExpectedResult.Invalid("kid_missing"));
        Native("kid::empty", "An empty kid names no key: kid_missing or key_unknown.", R("HDR-3"), t => t.Kid(""), ExpectedResult.Invalid("kid_missing", "key_unknown"));
        Native("kid::number", "A kid that is a number names no key: kid_missing or key_unknown.", R("HDR-3"), t => t.Kid(7), ExpectedResult.Invalid("kid_missing", "key_unknown"));
        Native("kid::unknown", "A kid not in the verifier's key set is key_unknown.", R("HDR-3"), t => t.Kid("agent-z"), ExpectedResult.Invalid("key_unknown"));
        Native("kid::case-differs", "kid Agent-A is not agent-a: key ids compare exactly.", R("HDR-3"), t => t.Kid("Agent-A"), ExpectedResult.Invalid("key_unknown"));
        Native("kid::empty-key-set", "With an empty key set every kid is key_unknown.", R("HDR-3"), t => t, ExpectedResult.Invalid("key_unknown"), setup: c => c.Keys());

        var attackerJwk = KeyRing.Public(Keys.Attacker);
        Native("embedded::jwk-attacker-kid", "A token signed by the attacker, carrying the attacker's jwk and kid: the embedded key is never used, the kid is unknown.", R("HDR-3"),
            t => t.Kid("attacker").Header("jwk", attackerJwk).SignedBy(Signer.Es256(Keys.Attacker)), ExpectedResult.Invalid("key_unknown"), flags: ["EmbeddedKey"]);
        Native("embedded::jwk-known-kid", "A token signed by the attacker under kid agent-a with the attacker's jwk embedded: verified with agent-a's key, the signature fails.", R("HDR-3", "SIG-3"),
            t => t.Header("jwk", attackerJwk).SignedBy(Signer.Es256(Keys.Attacker)), ExpectedResult.Invalid("signature_invalid"), flags: ["EmbeddedKey"]);
        Native("embedded::jwk-without-kid", "A token signed by the attacker with the attacker's jwk and no kid is kid_missing.", R("HDR-3"),
            t => t.NoHeader("kid").Header("jwk", attackerJwk).SignedBy(Signer.Es256(Keys.Attacker)), ExpectedResult.Invalid("kid_missing"), flags: ["EmbeddedKey"]);
        Native("embedded::jku", "A token signed by the attacker under kid agent-a with a jku pointing at the attacker's key set fails the signature check.", R("HDR-3"),
            t => t.Header("jku", "https://attacker.example/jwks.json").SignedBy(Signer.Es256(Keys.Attacker)), ExpectedResult.Invalid("signature_invalid"), flags: ["EmbeddedKey"]);
        Native("embedded::x5u", "A token signed by the attacker under kid agent-a with an x5u fails the signature check.", R("HDR-3"),
            t => t.Header("x5u", "https://attacker.example/cert.pem").SignedBy(Signer.Es256(Keys.Attacker)), ExpectedResult.Invalid("signature_invalid"), flags: ["EmbeddedKey"]);
        Native("embedded::x5c", "A token signed by the attacker under kid agent-a with an x5c chain fails the signature check.", R("HDR-3"),
            t => t.Header("x5c", new JsonArray("MIIBattackerCertificate")).SignedBy(Signer.Es256(Keys.Attacker)), ExpectedResult.Invalid("signature_invalid"), flags: ["EmbeddedKey"]);
        Native("embedded::jku-honest", "A token signed by agent-a under kid agent-a that also carries a jku is accepted: the header parameter is ignored, not obeyed.", R("HDR-3"),
            t => t.Header("jku", "https://example.com/jwks.json"), ExpectedResult.Valid, flags: ["EmbeddedKey"]);
        Native("embedded::x5c-honest", "A token signed by agent-a under kid agent-a that also carries an x5c is accepted (the X.509 binding profile of -01 may add one).", R("HDR-3"),
            t => t.Header("x5c", new JsonArray("MIIBexampleCertificate")), ExpectedResult.Valid, flags: ["EmbeddedKey"]);
    }

    private void Crit()
    {
        Native("crit::unknown-extension", "crit naming an extension the verifier does not understand is crit_unsupported.", R("HDR-4"),
            t => t.Header("urn:example:must-understand", true).Header("crit", new JsonArray("urn:example:must-understand")), ExpectedResult.Invalid("crit_unsupported"), flags: ["CriticalHeader"]);
        Native("crit::names-absent-parameter", "crit naming a parameter the header does not carry is crit_unsupported.", R("HDR-4"),
            t => t.Header("crit", new JsonArray("urn:example:absent")), ExpectedResult.Invalid("crit_unsupported"), flags: ["CriticalHeader"]);
        Native("crit::b64-false", "crit [b64] with b64 false (RFC 7797 unencoded payload) is not understood by an ECT verifier: crit_unsupported.", R("HDR-4"),
            t => t.Header("b64", false).Header("crit", new JsonArray("b64")), ExpectedResult.Invalid("crit_unsupported"), flags: ["CriticalHeader"]);
        Native("crit::empty-list", "An empty crit list names nothing the verifier lacks, but RFC 7515 forbids producing it: either verdict.", R("HDR-4"),
            t => t.Header("crit", new JsonArray()), ExpectedResult.Acceptable("crit_unsupported", "malformed"), flags: ["CriticalHeader"]);
        Native("crit::unknown-parameter-not-critical", "An unknown header parameter not listed in crit is ignored.", R("HDR-4"),
            t => t.Header("urn:example:optional", "x"), ExpectedResult.Valid, flags: ["CriticalHeader"]);
    }

    /// <summary>Every JSON type a header member must not have, where the groups above leave one out.</summary>
    private void JsonTypes()
    {
        foreach (var (kind, value) in new (string, Func<Vocab, JsonNode?>)[]
        {
            ("boolean", _ => true), ("object", v => new JsonObject { ["typ"] = v.Typ() }), ("empty-array", _ => new JsonArray()),
        })
        {
            Native($"json-type::typ-{kind}", $"typ as {kind} is typ_invalid. Catches a typ compared after a lenient conversion, or skipped when it is not a string.",
                R("HDR-1"), t => t.Typ(value(t.Vocab)), ExpectedResult.Invalid("typ_invalid"));
        }

        foreach (var (kind, value) in new (string, JsonNode?)[]
        {
            ("boolean", true), ("null", null), ("one-element-array", new JsonArray("ES256")), ("object", new JsonObject { ["alg"] = "ES256" }),
        })
        {
            Native($"json-type::alg-{kind}", $"alg as {kind} is alg_not_allowed. Catches an alg unwrapped from an array or stringified before the allow-list, or a null alg read as a default.",
                R("HDR-2"), t => t.Alg(value?.DeepClone()), ExpectedResult.Invalid("alg_not_allowed"));
        }

        foreach (var (kind, value) in new (string, JsonNode?)[]
        {
            ("boolean", true), ("null", null), ("one-element-array", new JsonArray("agent-a")), ("object", new JsonObject { ["kid"] = "agent-a" }),
        })
        {
            Native($"json-type::kid-{kind}", $"kid as {kind} names no key: kid_missing or key_unknown. Catches a kid unwrapped or stringified into agent-a, or a null kid falling back to the only key.",
                R("HDR-3"), t => t.Kid(value?.DeepClone()), ExpectedResult.Invalid("kid_missing", "key_unknown"));
        }

        // PROFILE: the profile says only that crit naming anything not understood is crit_unsupported; a crit that is no array
        // breaks RFC 7515 §4.1.11 outright, so the strict reading refuses it (crit_unsupported, or malformed as a bad header).
        foreach (var (kind, value) in new (string, JsonNode?)[]
        {
            ("string", "urn:example:must-understand"), ("boolean", true), ("null", null), ("object", new JsonObject()), ("number", 1),
        })
        {
            Native($"json-type::crit-{kind}", $"crit as {kind} (not an array of names) is refused: crit_unsupported or malformed. PROFILE, strict reading of RFC 7515 §4.1.11. Catches a crit check that iterates only arrays and so lets any other crit through.",
                R("HDR-4"), t => t.Header("urn:example:must-understand", true).Header("crit", value?.DeepClone()), ExpectedResult.Invalid("crit_unsupported", "malformed"), flags: ["CriticalHeader"]);
        }

        Native("json-type::crit-understood-and-unknown", "crit [alg, urn:example:x]: the second name is not understood, crit_unsupported. Catches a crit check that looks at the first name only.",
            R("HDR-4"), t => t.Header("urn:example:x", 1).Header("crit", new JsonArray("alg", "urn:example:x")), ExpectedResult.Invalid("crit_unsupported", "malformed"), flags: ["CriticalHeader"]);
    }

    /// <summary>typ, alg and kid one character from the accepted value: each is compared exactly.</summary>
    private void NearMisses()
    {
        foreach (var (kind, change) in new (string, Func<string, string>)[]
        {
            ("leading-space", s => " " + s), ("trailing-tab", s => s + "\t"), ("trailing-nul", s => s + "\u0000"), ("suffix", s => s + "2"),
            ("plus-to-space", s => s.Replace('+', ' ')), ("jws-for-jwt", s => s[..^1] + "s"), ("cyrillic-e", s => s.Replace("exec", "\u0435xec", StringComparison.Ordinal)),
            ("no-plus", s => s.Replace("+", "", StringComparison.Ordinal)),
        })
        {
            Native($"near-miss::typ-{kind}", $"typ {kind} of the mode's value is typ_invalid (exact comparison; only case and the application/ prefix are left open). Catches trimming, prefix or contains matching, or Unicode folding of typ.",
                R("HDR-1"), t => t.Typ(change(t.Vocab.Typ())), ExpectedResult.Invalid("typ_invalid"), flags: ["TokenConfusion"]);
        }

        Verify("near-miss::typ-wimse-without-exec-in-01", "typ wimse+jwt (the legacy value without exec) is typ_invalid in mode 01. Catches a legacy check by prefix.").Rules("HDR-1").Drafts("01")
            .Flags("TokenConfusion").Reject(T01.Typ("wimse+jwt").Build(), "typ_invalid");
        Verify("near-miss::typ-exec-suffix-in-00", "typ x-exec+jwt ends like the -01 value but is none: typ_invalid in mode 00. Catches an EndsWith comparison.").Rules("HDR-1").Drafts("00")
            .Flags("TokenConfusion").Reject(T00.Typ("x-exec+jwt").Build(), "typ_invalid");
        Verify("near-miss::typ-x-exec-suffix-in-01", "typ x-exec+jwt ends like exec+jwt but is another string: typ_invalid in mode 01. Catches an EndsWith comparison.").Rules("HDR-1").Drafts("01")
            .Flags("TokenConfusion").Reject(T01.Typ("x-exec+jwt").Build(), "typ_invalid");

        foreach (var (kind, value) in new (string, string)[]
        {
            ("alg-trailing-space", "ES256 "), ("alg-leading-space", " ES256"), ("alg-suffix", "ES2560"), ("alg-prefix", "ES25"), ("alg-cyrillic-e", "\u0415S256"),
            ("alg-trailing-nul", "ES256\u0000"), ("alg-mixed-case", "Es256"),
        })
        {
            Native($"near-miss::{kind}", $"alg {kind.Replace("alg-", "", StringComparison.Ordinal)} of ES256 is alg_not_allowed: algorithm names compare exactly (RFC 7515 §4.1.1). Catches trimming, prefix matching, case folding or Unicode folding of alg.",
                R("HDR-2"), t => t.Alg(value), ExpectedResult.Invalid("alg_not_allowed"));
        }

        foreach (var (kind, value) in new (string, string)[]
        {
            ("kid-trailing-space", "agent-a "), ("kid-leading-space", " agent-a"), ("kid-prefix", "agent-"), ("kid-suffix", "agent-ab"), ("kid-cyrillic-a", "\u0430gent-a"),
            ("kid-trailing-nul", "agent-a\u0000"), ("kid-upper-case", "AGENT-A"),
        })
        {
            Native($"near-miss::{kind}", $"kid {kind.Replace("kid-", "", StringComparison.Ordinal)} of agent-a is key_unknown: key ids compare exactly. Catches trimming, prefix lookup, case folding or NUL truncation when resolving the kid.",
                R("HDR-3"), t => t.Kid(value), ExpectedResult.Invalid("key_unknown"));
        }

        Native("near-miss::kid-resolves-second-key", "A token signed by agent-a under kid agent-b, with both keys in the set: verified with agent-b's key, signature_invalid. Catches a verifier that tries every key in the set instead of the one kid names, and so accepts.",
            R("HDR-3", "SIG-3"), t => t.Kid("agent-b"), ExpectedResult.Invalid("signature_invalid"), setup: c => c.Keys(KeyRing.Public(Keys.AgentA), KeyRing.Public(Keys.AgentB)));
        Native("near-miss::kid-second-in-set", "A token signed by agent-b under kid agent-b, agent-b listed second in the set after agent-a: accepted. Catches a key lookup that only looks at the first key of the set.",
            R("HDR-3"), t => t.Kid("agent-b").SignedBy(Signer.Es256(Keys.AgentB)), ExpectedResult.Valid, setup: c => c.Keys(KeyRing.Public(Keys.AgentA), KeyRing.Public(Keys.AgentB)));
    }

    /// <summary>allowed_algs away from its default, both ways, and compared exactly.</summary>
    private void NonDefaultOptions()
    {
        Native("option::allowed-algs-lower-case", "allowed_algs [es256] does not list ES256 (names compare exactly): a valid ES256 token is alg_not_allowed. Catches a case-insensitive allow-list.",
            R("HDR-2"), t => t, ExpectedResult.Invalid("alg_not_allowed"), setup: c => c.Option("allowed_algs", new JsonArray("es256")));
        Native("option::allowed-algs-empty", "An empty allowed_algs allows nothing: a valid ES256 token is alg_not_allowed. Catches an empty allow-list read as the default.",
            R("HDR-2"), t => t, ExpectedResult.Invalid("alg_not_allowed"), setup: c => c.Option("allowed_algs", new JsonArray()));
        Native("option::allowed-algs-es256-last", "allowed_algs [ES384, ES512, ES256]: ES256 is the last element, accepted. Catches an allow-list check of the first element only.",
            R("HDR-2"), t => t, ExpectedResult.Valid, setup: c => c.Option("allowed_algs", new JsonArray("ES384", "ES512", "ES256")));
        Native("option::allowed-algs-none-listed", "allowed_algs [none, ES256] does not make alg none acceptable: alg_not_allowed. Catches an allow-list that trusts its configuration for none.",
            R("HDR-2"), t => t.Alg("none").SignedBy(Signer.None), ExpectedResult.Invalid("alg_not_allowed"), flags: ["AlgNone"], setup: c => c.Option("allowed_algs", new JsonArray("none", "ES256")));
    }

    /// <summary>A header member of the wrong JSON type that a slipped lookup takes for the right one (tests/harness-slips).</summary>
    private void SlipTypeConfusion()
    {
        var keyUnderTextSeven = KeyRing.Public(Keys.AgentA);
        keyUnderTextSeven["kid"] = "7";
        Native("slip-type-confusion::kid-number-beside-text-kid", "kid 7, a number, while the key set holds the signing key under kid \"7\": a number is no key id (RFC 7515 §4.1.4), kid_missing or key_unknown. Catches a key lookup that compares kids as text.",
            R("HDR-3"), t => t.Kid(7), ExpectedResult.Invalid("kid_missing", "key_unknown"), setup: c => c.Keys(keyUnderTextSeven));
    }

    /// <summary>
    /// Header members of the wrong JSON type whose text holds a JSON escape, which a one-step change of the engine's
    /// escape check (docs/mutation.md) sent to a string read, so that they failed as malformed instead of by their own rule.
    /// </summary>
    private void MutationFindings()
    {
        Native("json-type::kid-array-holding-escaped-kid", "kid [\"agent-\\u0061\"], an array holding agent-a written with an escape, names no key: kid_missing or key_unknown. Catches a header check that reads any member with a backslash in its text as a string, and so fails as malformed, or that unwraps and unescapes it into agent-a.",
            R("HDR-3"), t => RawMember(t, "kid", "[\"agent-\\u0061\"]"), ExpectedResult.Invalid("kid_missing", "key_unknown"));
        Native("json-type::typ-object-holding-escape", "typ {\"x\":\"\\n\"}, an object whose string holds an escape, is typ_invalid. Catches a header check that reads any member with a backslash in its text as a string, and so fails as malformed.",
            R("HDR-1"), t => RawMember(t, "typ", "{\"x\":\"\\n\"}"), ExpectedResult.Invalid("typ_invalid"));
        Native("json-type::alg-array-holding-escaped-alg", "alg [\"ES\\u003256\"], an array holding ES256 written with an escape, is alg_not_allowed. Catches a header check that reads any member with a backslash in its text as a string, and so fails as malformed, or that unwraps and unescapes it into ES256.",
            R("HDR-2"), t => RawMember(t, "alg", "[\"ES\\u003256\"]"), ExpectedResult.Invalid("alg_not_allowed"));
    }

    /// <summary>
    /// A lone surrogate escape in typ, alg or kid: valid JSON text, but no Unicode string (RFC 8259 §8.2), so the header
    /// is no JSON object of text and fails the parse stage (PARSE-2, read strictly). Each token also breaks a later
    /// header rule, so that a check which runs too late, or not for that member, answers the later stage's code (DAG-9).
    /// </summary>
    private void LoneSurrogates()
    {
        const string reading = "PROFILE, strict reading of PARSE-2 (the header decodes to a JSON object of Unicode text; RFC 8259 §8.2) with DAG-9 (parse before the header checks).";
        string[] flags = ["LoneSurrogate"];
        // Each kid spelling beside alg none, which the alg check (a later stage) would refuse under its own code.
        (string Id, string Kid, string What, string Verdict, string Catches)[] kids =
        [
            ("kid-with-alg-none", "\\ud800", "a lone high surrogate", "malformed, not alg_not_allowed", "Catches a lone-surrogate check that skips kid, or whose answer a later check overwrites."),
            ("kid-after-first-with-alg-none", "a\\ud800", "a lone surrogate after the first character", "malformed", "Catches a check that looks for the escape only at the start of the value."),
            ("kid-low-with-alg-none", "\\udc00", "a lone low surrogate", "malformed", "Catches a check for unpaired high surrogates only."),
            ("kid-high-then-letter-with-alg-none", "\\ud800A", "a high surrogate followed by a letter, not a low surrogate", "malformed", "Catches a check that takes any character after a high surrogate for its partner."),
            ("kid-high-then-escaped-letter-with-alg-none", "\\ud800\\u0041", "a high surrogate followed by an escaped letter, not a low surrogate", "malformed", "Catches a check that takes any escape after a high surrogate for its partner."),
        ];
        foreach (var (id, kid, what, verdict, catches) in kids)
        {
            Native($"lone-surrogate::{id}", $"kid \"{kid}\" ({what}) with alg none: {verdict}. {reading} {catches}",
                R("PARSE-2", "DAG-9", "HDR-2"), t => RawMember(t.Alg("none").SignedBy(Signer.None), "kid", $"\"{kid}\""), ExpectedResult.Invalid("malformed"), flags: flags);
        }

        Native("lone-surrogate::alg-with-typ-jwt", $"alg \"\\ud800\" with typ JWT: malformed, not typ_invalid. {reading} Catches a lone-surrogate check that skips alg, or runs after the typ check.",
            R("PARSE-2", "DAG-9", "HDR-1"), t => RawMember(t.Typ("JWT"), "alg", "\"\\ud800\""), ExpectedResult.Invalid("malformed"), flags: flags);
        Native("lone-surrogate::typ-with-unknown-crit", $"typ \"\\ud800\" with a crit naming an extension the verifier does not understand: malformed, not typ_invalid or crit_unsupported. {reading} Catches a lone-surrogate check that skips typ, so that the typ is simply not accepted.",
            R("PARSE-2", "DAG-9", "HDR-1", "HDR-4"), t => RawMember(t.Header("urn:example:must-understand", true).Header("crit", new JsonArray("urn:example:must-understand")), "typ", "\"\\ud800\""),
            ExpectedResult.Invalid("malformed"), flags: flags);

        var pairKey = KeyRing.Public(Keys.AgentA);
        pairKey["kid"] = "agent-\U0001F600";
        Native("lone-surrogate::kid-escaped-pair", "kid \"agent-\\ud83d\\ude00\" (a high and a low surrogate escape, together one character outside the BMP) names the key agent-\U0001F600: accepted. Catches a lone-surrogate check that refuses a valid escaped pair.",
            R("PARSE-2", "HDR-3"), t => RawMember(t, "kid", "\"agent-\\ud83d\\ude00\""), ExpectedResult.Valid, setup: c => c.Keys(pairKey));
    }

    /// <summary>The token's header with member <paramref name="name"/> written as the raw JSON <paramref name="json"/>, in its place.</summary>
    private static TokenBuilder RawMember(TokenBuilder token, string name, string json)
    {
        const string placeholder = "raw-member-placeholder";
        var plain = $"\"{name}\":\"{placeholder}\"";
        var header = token.Header(name, placeholder).HeaderJson();
        return header.Contains(plain, StringComparison.Ordinal)
            ? token.RawHeader(header.Replace(plain, $"\"{name}\":{json}", StringComparison.Ordinal))
            : throw new InvalidOperationException($"the header does not hold {plain}: {header}");
    }

    /// <summary>The header text with the kid agent-a written in another JSON spelling of the same string.</summary>
    private static string EscapeKid(string header, string spelling)
    {
        const string plain = "\"kid\":\"agent-a\"";
        return header.Contains(plain, StringComparison.Ordinal)
            ? header.Replace(plain, "\"kid\":\"" + spelling + "\"", StringComparison.Ordinal)
            : throw new InvalidOperationException("the header does not name kid agent-a: " + header);
    }
}
