using System.Text.Json.Nodes;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>SIG-1 … SIG-5: signature length and encoding, scalar ranges (psychic signatures), tampering, unusable keys, keys whose JWK rules out this use.</summary>
public sealed class SignatureVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "signature";

    protected override void Define()
    {
        Native("length::valid", "A 64-byte r||s ES256 signature by the kid's key is accepted.", R("SIG-1", "SIG-2", "SIG-3", "SIG-4"), t => t, ExpectedResult.Valid);
        Broken("length::der", "The valid r and s encoded as ASN.1 DER are signature_invalid: JWS uses the 64-byte r||s form.", "SIG-1", Mutations.Der, "DerSignature");
        Broken("length::truncated", "A 63-byte signature is signature_invalid.", "SIG-1", Mutations.Truncated);
        Broken("length::extended", "A 65-byte signature (a zero byte appended) is signature_invalid.", "SIG-1", Mutations.Extended);
        Broken("length::66-bytes", "r and s of 33 bytes each (sign-padded integers) are signature_invalid.", "SIG-1", Mutations.Padded33, "DerSignature");
        Broken("length::doubled", "A 128-byte signature is signature_invalid.", "SIG-1", Mutations.Doubled);
        Broken("length::empty", "An empty signature with alg ES256 is signature_invalid.", "SIG-1", Mutations.EmptySignature, "MissingSignature");

        Broken("range::r-s-zero", "r = 0 and s = 0 (the psychic signature, CVE-2022-21449) are signature_invalid.", "SIG-2", Mutations.ZeroRs, "PsychicSignature");
        Broken("range::r-zero", "r = 0 with the valid s is signature_invalid.", "SIG-2", Mutations.ZeroR, "PsychicSignature");
        Broken("range::s-zero", "s = 0 with the valid r is signature_invalid.", "SIG-2", Mutations.ZeroS, "PsychicSignature");
        Broken("range::r-s-order", "r = s = n (zero modulo the order) are signature_invalid.", "SIG-2", Mutations.OrderRs, "PsychicSignature");
        Broken("range::r-order", "r = n is signature_invalid.", "SIG-2", Mutations.OrderR, "ScalarRange");
        Broken("range::s-order", "s = n is signature_invalid.", "SIG-2", Mutations.OrderS, "ScalarRange");
        Broken("range::r-max", "r = 2^256 - 1 (above the order) is signature_invalid.", "SIG-2", Mutations.MaxR, "ScalarRange");
        Broken("range::s-max", "s = 2^256 - 1 (above the order) is signature_invalid.", "SIG-2", Mutations.MaxS, "ScalarRange");
        Native("range::high-s", "(r, n - s) is the other valid ECDSA signature of the same message; the profile does not require low s, so the token is accepted.",
            R("SIG-2"), t => t.Mutate(Mutations.HighS), ExpectedResult.Valid, flags: ["SignatureMalleability"]);

        Broken("tamper::payload-edited", "exec_act changed after signing (review_spec to delete_prod) is signature_invalid.", "SIG-3", Mutations.PayloadEdited, "ModifiedToken");
        Broken("tamper::payload-reformatted", "The same payload re-serialized with spaces is different bytes: signature_invalid.", "SIG-3", Mutations.PayloadReformatted, "ModifiedToken");
        Native("tamper::header-edited", "kid changed to agent-b after signing: verified with agent-b's key, the signature fails.", R("SIG-3"),
            t => t.Mutate(Mutations.HeaderEdited), ExpectedResult.Invalid("signature_invalid"), flags: ["ModifiedToken"],
            setup: c => c.Keys(KeyRing.Public(Keys.AgentA), KeyRing.Public(Keys.AgentB)));
        Broken("tamper::signature-bit", "One signature bit flipped is signature_invalid.", "SIG-3", Mutations.FlippedSignatureBit, "ModifiedToken");
        Native("tamper::other-known-key", "Signed by agent-b under kid agent-a: signature_invalid even though agent-b is a known key.", R("SIG-3"),
            t => t.SignedBy(Signer.Es256(Keys.AgentB)), ExpectedResult.Invalid("signature_invalid"),
            setup: c => c.Keys(KeyRing.Public(Keys.AgentA), KeyRing.Public(Keys.AgentB)));
        Native("tamper::unknown-signer", "Signed by the attacker under kid agent-a is signature_invalid.", R("SIG-3"),
            t => t.SignedBy(Signer.Es256(Keys.Attacker)), ExpectedResult.Invalid("signature_invalid"));

        Native("key::p384", "kid agent-a resolving to a P-384 key is key_unknown.", R("SIG-4"), t => t, ExpectedResult.Invalid("key_unknown"),
            flags: ["WrongKeyType"], setup: c => c.Keys(KeyRing.P384("agent-a")));
        Native("key::rsa", "kid agent-a resolving to an RSA key is key_unknown.", R("SIG-4"), t => t, ExpectedResult.Invalid("key_unknown"),
            flags: ["WrongKeyType"], setup: c => c.Keys(KeyRing.Rsa("agent-a")));
        Native("key::oct", "kid agent-a resolving to a symmetric (oct) key is key_unknown for ES256.", R("SIG-4"), t => t, ExpectedResult.Invalid("key_unknown"),
            flags: ["WrongKeyType", "KeyConfusion"], setup: c => c.Keys(KeyRing.Oct("agent-a")));
        Native("key::off-curve", "kid agent-a resolving to a P-256 JWK whose point is not on the curve is key_unknown.", R("SIG-4"), t => t, ExpectedResult.Invalid("key_unknown"),
            flags: ["InvalidCurvePoint"], setup: c => c.Keys(Keys.OffCurve("agent-a")));
        Native("key::p256-among-others", "kid agent-a resolving to its P-256 key is accepted while other kids hold RSA and P-384 keys.", R("SIG-4"), t => t, ExpectedResult.Valid,
            flags: ["WrongKeyType"], setup: c => c.Keys(KeyRing.Rsa("rsa-1"), KeyRing.P384("ec-384"), KeyRing.Public(Keys.AgentA)));
        Native("key::x-41-characters", "kid agent-a resolving to agent-a's key with x cut to 41 characters (a base64url length no byte string has) is key_unknown: no P-256 point can be read from it.", R("SIG-4"), t => t, ExpectedResult.Invalid("key_unknown"),
            flags: ["WrongKeyType"], setup: c => c.Keys(ShortX("agent-a")));
        Native("key::p256-beside-unreadable-key", "kid agent-a resolving to its P-256 key is accepted while another kid holds a P-256 JWK whose x has 41 characters. PROFILE: HDR-3 and SIG-4 judge only the key under the token's kid. Catches a key-set reader that fails on one unreadable key, or crashes on it, instead of leaving only that kid unusable.", R("SIG-4", "HDR-3"), t => t, ExpectedResult.Valid,
            flags: ["WrongKeyType"], setup: c => c.Keys(ShortX("agent-x"), KeyRing.Public(Keys.AgentA)));

        // SIG-5: agent-a's own key, with a use, key_ops or alg member that rules verifying ES256 in or out.
        NotForThisUse("use-enc", "use \"enc\" (an encryption key)", "use", "enc");
        NotForThisUse("use-uppercase", "use \"SIG\" (the value is case-sensitive, RFC 7517 section 4.2)", "use", "SIG");
        NotForThisUse("use-number", "use 1 (a number, not a string)", "use", 1);
        NotForThisUse("key-ops-sign", "key_ops [\"sign\"] (for signing, not verifying)", "key_ops", new JsonArray("sign"));
        NotForThisUse("key-ops-empty", "key_ops [] (no operation at all)", "key_ops", new JsonArray());
        NotForThisUse("key-ops-string", "key_ops \"verify\" (a string, not an array)", "key_ops", "verify");
        NotForThisUse("key-ops-number-member", "key_ops [\"verify\", 1] (a member that is not a string)", "key_ops", new JsonArray("verify", 1));
        NotForThisUse("alg-es384", "alg \"ES384\", another algorithm than the token's ES256", "alg", "ES384");
        NotForThisUse("alg-hs256", "alg \"HS256\"", "alg", "HS256");
        NotForThisUse("alg-array", "alg [\"ES256\"] (an array, not a string)", "alg", new JsonArray("ES256"));
        ForThisUse("use-sig", "use \"sig\"", ("use", "sig"));
        ForThisUse("key-ops-verify", "key_ops [\"verify\"]", ("key_ops", new JsonArray("verify")));
        ForThisUse("key-ops-sign-verify", "key_ops [\"sign\", \"verify\"]", ("key_ops", new JsonArray("sign", "verify")));
        ForThisUse("alg-es256", "alg \"ES256\"", ("alg", "ES256"));
        ForThisUse("all-three", "use \"sig\", key_ops [\"verify\"] and alg \"ES256\"", ("use", "sig"), ("key_ops", new JsonArray("verify")), ("alg", "ES256"));

        EveryElement();
    }

    private void NotForThisUse(string name, string what, string member, JsonNode value) =>
        Native("key-use::" + name, $"kid agent-a resolving to agent-a's P-256 key with {what} is key_unknown.", R("SIG-5"), t => t, ExpectedResult.Invalid("key_unknown"),
            flags: ["KeyUse"], setup: c => c.Keys(AgentAWith((member, value))));

    private void ForThisUse(string name, string what, params (string Member, JsonNode? Value)[] members) =>
        Native("key-use::" + name, $"kid agent-a resolving to agent-a's P-256 key with {what} is accepted: the JWK allows verifying ES256.", R("SIG-4", "SIG-5"), t => t, ExpectedResult.Valid,
            flags: ["KeyUse"], setup: c => c.Keys(AgentAWith(members)));

    /// <summary>agent-a's public key under <paramref name="kid"/>, its x cut from 43 characters to 41 (4k+1, which decodes to nothing).</summary>
    private JsonObject ShortX(string kid)
    {
        var jwk = KeyRing.Public(Keys.AgentA);
        jwk["kid"] = kid;
        jwk["x"] = jwk["x"]!.GetValue<string>()[..41];
        return jwk;
    }

    private JsonObject AgentAWith(params (string Member, JsonNode? Value)[] members)
    {
        var jwk = KeyRing.Public(Keys.AgentA);
        foreach (var (member, value) in members)
        {
            jwk[member] = value?.DeepClone();
        }

        return jwk;
    }

    private void Broken(string name, string description, string rule, TokenMutation mutation, params string[] flags) =>
        Native(name, description, R(rule), t => t.Mutate(mutation), ExpectedResult.Invalid("signature_invalid"), flags: flags);

    /// <summary>A change anywhere in the signed input or signature fails, not only in the parts a lazy check looks at.</summary>
    private void EveryElement()
    {
        Broken("each-element::r-bit-flipped", "The lowest bit of r's first byte flipped is signature_invalid. Catches a verifier that compares only s, or only the last bytes.", "SIG-3", Mutations.FlippedRBit, "ModifiedToken");
        Broken("each-element::claim-appended", "A claim appended at the end of the payload after signing is signature_invalid. Catches a signature checked over a prefix of the signing input.", "SIG-3", Mutations.PayloadClaimAppended, "ModifiedToken");

        // RFC 7517 and 7518 member names and values are case-sensitive strings: a key that says anything else under the kid is not a P-256 verification key.
        foreach (var (kind, member, value) in new (string, string, JsonNode?)[]
        {
            ("crv-lower-case", "crv", "p-256"), ("crv-no-dash", "crv", "P256"), ("crv-trailing-space", "crv", "P-256 "), ("kty-lower-case", "kty", "ec"), ("kty-trailing-space", "kty", "EC "),
        })
        {
            Native($"near-miss::{kind}", $"kid agent-a resolving to agent-a's key with {member} \"{value}\" (not the registered value) is key_unknown. Catches JWK members compared loosely, or the curve taken from the point length.",
                R("SIG-4"), t => t, ExpectedResult.Invalid("key_unknown"), flags: ["WrongKeyType"], setup: c => c.Keys(AgentAWith((member, value!))));
        }

        foreach (var (kind, member, value) in new (string, string, JsonNode)[]
        {
            ("use-title-case", "use", "Sig"), ("use-trailing-space", "use", "sig "), ("alg-lower-case", "alg", "es256"), ("alg-trailing-space", "alg", "ES256 "),
            ("key-ops-title-case", "key_ops", new JsonArray("Verify")), ("key-ops-trailing-space", "key_ops", new JsonArray("verify ")),
        })
        {
            Native($"near-miss::{kind}", $"kid agent-a resolving to agent-a's key with {member} {value.ToJsonString()} is key_unknown: the value is not sig, verify or ES256 exactly. Catches a key-use check by case folding or trimming.",
                R("SIG-5"), t => t, ExpectedResult.Invalid("key_unknown"), flags: ["KeyUse"], setup: c => c.Keys(AgentAWith((member, value))));
        }

        Native("each-element::key-ops-verify-last", "key_ops [\"sign\", \"encrypt\", \"verify\"]: verify is the last element, accepted. Catches a key_ops check of the first element only.",
            R("SIG-5"), t => t, ExpectedResult.Valid, flags: ["KeyUse"], setup: c => c.Keys(AgentAWith(("key_ops", new JsonArray("sign", "encrypt", "verify")))));
        Native("each-element::key-ops-number-first", "key_ops [1, \"verify\"]: a member that is not a string, first: key_unknown. Catches member types checked after the match only.",
            R("SIG-5"), t => t, ExpectedResult.Invalid("key_unknown"), flags: ["KeyUse"], setup: c => c.Keys(AgentAWith(("key_ops", new JsonArray(1, "verify")))));

        foreach (var (kind, member, value) in new (string, string, JsonNode?)[]
        {
            ("crv-number", "crv", 256), ("x-number", "x", 1), ("y-array", "y", new JsonArray(KeyRing.Public(Keys.AgentA)["y"]!.GetValue<string>())),
        })
        {
            Native($"json-type::{kind}", $"kid agent-a resolving to agent-a's key with {member} of the wrong JSON type is key_unknown. Catches a JWK reader that converts or unwraps members.",
                R("SIG-4"), t => t, ExpectedResult.Invalid("key_unknown"), flags: ["WrongKeyType"], setup: c => c.Keys(AgentAWith((member, value))));
        }
    }
}
