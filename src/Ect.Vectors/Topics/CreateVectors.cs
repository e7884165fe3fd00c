using System.Text.Json.Nodes;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>CRT-1 … CRT-3: creating and signing a token; the runner verifies the result with the key's public half and compares header and payload.</summary>
public sealed class CreateVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "create";

    private const long Now = Fixtures.Now;

    protected override void Define()
    {
        foreach (var v in new[] { Vocab.V01, Vocab.V00 })
        {
            Defaults(v);
            Refusals(v);
            Unicode(v);
        }

        Create("fill::par-under-01", "In mode 01 a payload with par and no pred is refused with claim_missing: -01 payloads use pred, and defaulting pred to [] would make a dependent task a root.")
            .Rules("CRT-2", "CRT-3").Drafts("01").Flags("MissingPredecessors")
            .Payload(Minimal(Vocab.V01).Set("par", new JsonArray(Fixtures.Task(2))).Build()).Expect(ExpectedResult.Invalid("claim_missing"));
        Create("fill::pred-under-00", "In mode 00 a payload with pred and no par is refused with claim_missing: filling par with [] would make a dependent task a root.")
            .Rules("CRT-2", "CRT-3").Drafts("00").Flags("MissingPredecessors")
            .Payload(Minimal(Vocab.V00).Set("pred", new JsonArray(Fixtures.Task(2))).Build()).Expect(ExpectedResult.Invalid("claim_missing"));

        // Both ways: the other draft's claim next to the mode's own is an unknown claim (CLM-8), kept as given; only its presence alone is refused.
        var bothIn01 = Minimal(Vocab.V01).Set("pred", new JsonArray(Fixtures.Task(2))).Set("par", new JsonArray(Fixtures.Task(3)));
        Create("fill::pred-and-par-under-01", "In mode 01 a payload with pred and also par is created: par is an unknown claim there and is kept; catches a creator that refuses par whenever it is present, or lets it override pred.")
            .Rules("CRT-2", "CLM-8").Drafts("01")
            .Payload(bothIn01.Build())
            .Expect(ExpectedResult.Valid, Header(Vocab.V01), bothIn01.Iat(Now).Exp(Now + 600).Build());
        var bothIn00 = Minimal(Vocab.V00).Set("par", new JsonArray(Fixtures.Task(2))).Set("pred", new JsonArray(Fixtures.Task(3)));
        Create("fill::par-and-pred-under-00", "In mode 00 a payload with par and also pred is created: pred is an unknown claim there and is kept; catches a creator that refuses pred whenever it is present, or lets it override par.")
            .Rules("CRT-2", "CLM-8").Drafts("00")
            .Payload(bothIn00.Build())
            .Expect(ExpectedResult.Valid, Header(Vocab.V00), bothIn00.Iat(Now).Exp(Now + 600).Build());

        foreach (var v in new[] { Vocab.V01, Vocab.V00 })
        {
            NonDefaultOptions(v);
        }
    }

    /// <summary>Every create parameter away from its default, in a case that must succeed and one that must fail.</summary>
    private void NonDefaultOptions(Vocab v)
    {
        Create(Id(v, "option::expiry-1"), Text(v, "default_expiry 1 gives exp = now + 1, the shortest lifetime. Catches a hard-coded default_expiry of 600."))
            .Rules("CRT-2").Drafts(v.Mode()).Option("default_expiry", 1)
            .Payload(Minimal(v).Build())
            .Expect(ExpectedResult.Valid, Header(v), Minimal(v).Iat(Now).Exp(Now + 1).Set(v.PredClaim(), new JsonArray()).Build());
        Create(Id(v, "option::expiry-0"), Text(v, "default_expiry 0 would give exp = iat, which verification refuses: claim_invalid. PROFILE: CRT-3 read strictly (create refuses what verification would). Catches a creator that signs a token no verifier accepts."))
            .Rules("CRT-2", "CRT-3", "TIME-1").Drafts(v.Mode()).Option("default_expiry", 0)
            .Payload(Minimal(v).Build())
            .Expect(ExpectedResult.Invalid("claim_invalid"));
        Create(Id(v, "option::max-preds-2-at"), Text(v, "With max_pred_length 2, two predecessors are signed. Catches max_pred_length read as an exclusive bound."))
            .Rules("CRT-3", "DAG-6").Drafts(v.Mode()).Flags("PredecessorLimit").Option("max_pred_length", 2)
            .Payload(PayloadBuilder.For(v).Pred(2, 3).Build())
            .Expect(ExpectedResult.Valid, Header(v), PayloadBuilder.For(v).Pred(2, 3).Build());
        Create(Id(v, "option::max-preds-2-past"), Text(v, "With max_pred_length 2, three predecessors are refused: dag_too_many_preds. Catches a creator with a hard-coded max_pred_length of 100."))
            .Rules("CRT-3", "DAG-6").Drafts(v.Mode()).Flags("PredecessorLimit").Option("max_pred_length", 2)
            .Payload(PayloadBuilder.For(v).Pred(2, 3, 4).Build())
            .Expect(ExpectedResult.Invalid("dag_too_many_preds"));
        Create(Id(v, "option::uuids-off"), Text(v, "With validate_uuids false, a jti that is no UUID is signed. Catches a creator that ignores validate_uuids."))
            .Rules("CRT-3", "CLM-4").Drafts(v.Mode()).Flags("UuidFormat").Option("validate_uuids", false)
            .Payload(PayloadBuilder.For(v).Jti("task-1").Build())
            .Expect(ExpectedResult.Valid, Header(v), PayloadBuilder.For(v).Jti("task-1").Build());
        Create(Id(v, "option::bytes-8192"), Text(v, "With ext_max_bytes 8192, a 5000-byte extension is signed. Catches a creator with a hard-coded ext_max_bytes of 4096."))
            .Rules("CRT-3", "EXT-1").Drafts(v.Mode()).Flags("ExtensionLimit").Option("ext_max_bytes", 8192)
            .Payload(PayloadBuilder.For(v).Ext(ExtensionVectors.OfSize(5000)).Build())
            .Expect(ExpectedResult.Valid, Header(v), PayloadBuilder.For(v).Ext(ExtensionVectors.OfSize(5000)).Build());
        Create(Id(v, "option::depth-8"), Text(v, "With ext_max_depth 8, an extension 8 deep is signed. Catches a creator with a hard-coded ext_max_depth of 5."))
            .Rules("CRT-3", "EXT-1").Drafts(v.Mode()).Flags("ExtensionLimit").Option("ext_max_depth", 8)
            .Payload(PayloadBuilder.For(v).Ext(ExtensionVectors.Objects(8)).Build())
            .Expect(ExpectedResult.Valid, Header(v), PayloadBuilder.For(v).Ext(ExtensionVectors.Objects(8)).Build());
        if (v == Vocab.V01)
        {
            Create("option::bytes-64-past", "With ext_max_bytes 64, a 65-byte extension is refused in mode 01: ext_too_large. Catches a creator that reads ext_max_bytes only when it is larger than the default.")
                .Rules("CRT-3", "EXT-1").Drafts("01").Flags("ExtensionLimit").Option("ext_max_bytes", 64)
                .Payload(PayloadBuilder.For(v).Ext(ExtensionVectors.OfSize(65)).Build())
                .Expect(ExpectedResult.Invalid("ext_too_large"));
            Create("option::depth-2-past", "With ext_max_depth 2, an extension 3 deep is refused in mode 01: ext_too_deep. Catches a creator that reads ext_max_depth only when it is larger than the default.")
                .Rules("CRT-3", "EXT-1").Drafts("01").Flags("ExtensionLimit").Option("ext_max_depth", 2)
                .Payload(PayloadBuilder.For(v).Ext(ExtensionVectors.Objects(3)).Build())
                .Expect(ExpectedResult.Invalid("ext_too_deep"));
        }
    }

    private static JsonObject Header(Vocab v) => new() { ["alg"] = "ES256", ["typ"] = v.Typ(), ["kid"] = "agent-a" };

    /// <summary>A payload with only what a caller must give: iss, aud, jti, wid, exec_act.</summary>
    private static PayloadBuilder Minimal(Vocab v) => PayloadBuilder.For(v).Without("iat").Without("exp").Without(v.PredClaim());

    private static string Id(Vocab v, string name) => v == Vocab.V01 ? name : name + "-00";

    private static string Text(Vocab v, string description) => v == Vocab.V01 ? description : Form00(description);

    private void Defaults(Vocab v)
    {
        Create(Id(v, "fill::all-defaults"), Text(v, $"iat, exp and the DAG claim are filled: iat = now, exp = now + 600, {v.PredClaim()} = []; the header is ES256, typ {v.Typ()}, kid agent-a."))
            .Rules("CRT-1", "CRT-2").Drafts(v.Mode())
            .Payload(Minimal(v).Build())
            .Expect(ExpectedResult.Valid, Header(v), Minimal(v).Iat(Now).Exp(Now + 600).Set(v.PredClaim(), new JsonArray()).Build());
        Create(Id(v, "fill::custom-expiry"), Text(v, "default_expiry 300 gives exp = now + 300."))
            .Rules("CRT-2").Drafts(v.Mode()).Option("default_expiry", 300)
            .Payload(Minimal(v).Build())
            .Expect(ExpectedResult.Valid, Header(v), Minimal(v).Iat(Now).Exp(Now + 300).Set(v.PredClaim(), new JsonArray()).Build());
        Create(Id(v, "fill::iat-given"), Text(v, "A given iat is kept and exp is filled from it: exp = iat + default_expiry."))
            .Rules("CRT-2").Drafts(v.Mode())
            .Payload(Minimal(v).Iat(Now - 20).Build())
            .Expect(ExpectedResult.Valid, Header(v), Minimal(v).Iat(Now - 20).Exp(Now + 580).Set(v.PredClaim(), new JsonArray()).Build());
        // Found by ect-conformance fuzz: an example implementation refused this with its verifier's time windows.
        Create(Id(v, "fill::past-window-signed"), Text(v, "An iat an hour old is kept and exp filled from it, though the token is expired at once: CRT-3 refuses only what the claims alone break, and the time windows are the verifier's."))
            .Rules("CRT-2", "CRT-3").Drafts(v.Mode())
            .Payload(Minimal(v).Iat(Now - 3600).Build())
            .Expect(ExpectedResult.Valid, Header(v), Minimal(v).Iat(Now - 3600).Exp(Now - 3000).Set(v.PredClaim(), new JsonArray()).Build());
        Create(Id(v, "fill::nothing-to-fill"), Text(v, "A complete payload is signed as given."))
            .Rules("CRT-1", "CRT-2").Drafts(v.Mode())
            .Payload(PayloadBuilder.For(v).Pred(2, 3).Exp(Now + 120).Build())
            .Expect(ExpectedResult.Valid, Header(v), PayloadBuilder.For(v).Pred(2, 3).Exp(Now + 120).Build());
        Create(Id(v, "fill::unknown-claims-kept"), Text(v, "Unknown claims and an extension are signed unchanged."))
            .Rules("CRT-2", "CLM-8").Drafts(v.Mode())
            .Payload(PayloadBuilder.For(v).Ext(new JsonObject { ["com.example.k"] = "v" }).Set("com.example.trace", "t-1").Build())
            .Expect(ExpectedResult.Valid, Header(v), PayloadBuilder.For(v).Ext(new JsonObject { ["com.example.k"] = "v" }).Set("com.example.trace", "t-1").Build());
        Create(Id(v, "sign::agent-b"), Text(v, "Signing with agent-b's key puts kid agent-b in the header."))
            .Rules("CRT-1").Drafts(v.Mode()).Key(KeyRing.Private(Keys.AgentB))
            .Payload(PayloadBuilder.For(v).Build())
            .Expect(ExpectedResult.Valid, new JsonObject { ["alg"] = "ES256", ["typ"] = v.Typ(), ["kid"] = "agent-b" }, PayloadBuilder.For(v).Build());
    }

    /// <summary>
    /// CRT-3 refuses only what verification would, and verification reads any Unicode text: characters outside the
    /// Basic Multilingual Plane (two UTF-16 units), and strings JSON can only write with escapes.
    /// </summary>
    private void Unicode(Vocab v)
    {
        PayloadBuilder NonBmpNames() => PayloadBuilder.For(v).Set("x\U0001F600", "v").Ext(new JsonObject { ["x\U0001F600"] = "v" });
        Create(Id(v, "unicode::non-bmp-member-names"), Text(v, "A claim name and an extension member name \"x\U0001F600\" (a character outside the BMP, a UTF-16 surrogate pair) are signed unchanged. Catches a Unicode check that takes a surrogate pair for a lone surrogate, or misreads the unit after it."))
            .Rules("CRT-3", "CLM-8").Drafts(v.Mode())
            .Payload(NonBmpNames().Build())
            .Expect(ExpectedResult.Valid, Header(v), NonBmpNames().Build());
        var key = KeyRing.Private(Keys.AgentA);
        key["kid"] = "agent-\U0001F600";
        Create(Id(v, "unicode::non-bmp-kid"), Text(v, "A signing key whose kid is \"agent-\U0001F600\" (a surrogate pair in UTF-16) puts that kid in the header. Catches a check for lone surrogates in the kid that refuses a valid pair."))
            .Rules("CRT-1").Drafts(v.Mode()).Key(key)
            .Payload(PayloadBuilder.For(v).Build())
            .Expect(ExpectedResult.Valid, new JsonObject { ["alg"] = "ES256", ["typ"] = v.Typ(), ["kid"] = "agent-\U0001F600" }, PayloadBuilder.For(v).Build());
        PayloadBuilder Escaped() => PayloadBuilder.For(v).Set("com.example.note", "say \"hi\"\nagain");
        Create(Id(v, "unicode::escaped-string-value"), Text(v, "An unknown claim holding a quotation mark and a line feed, which JSON text can only write as the escapes \\\" and \\n, is signed as that text. Catches a check of escaped strings that refuses any escape, not only a lone surrogate."))
            .Rules("CRT-3", "CLM-8").Drafts(v.Mode())
            .Payload(Escaped().Build())
            .Expect(ExpectedResult.Valid, Header(v), Escaped().Build());
    }

    private static PayloadBuilder AtLimits(Vocab v)
    {
        var ext = ExtensionVectors.Objects(5);
        ext["com.example.data"] = new string('a', 4096 - ext.ToJsonString().Length - 22);
        return PayloadBuilder.For(v).Pred(Enumerable.Range(100, 100).ToArray()).Ext(ext);
    }

    private void Refusals(Vocab v)
    {
        void Refuse(string name, string description, string[] rules, PayloadBuilder payload, ExpectedResult outcome, params string[] flags) =>
            Create(Id(v, name), Text(v, description)).Rules(rules).Drafts(v.Mode()).Flags(flags).Payload(payload.Build()).Expect(outcome);

        Create(Id(v, "refuse::none-at-limits"), Text(v, "A payload at every claim limit (100 predecessors, a 4096-byte extension 5 deep) is signed: create refuses only what verification would."))
            .Rules("CRT-3", "EXT-1", "DAG-6").Drafts(v.Mode()).Flags("ExtensionLimit", "PredecessorLimit")
            .Payload(AtLimits(v).Build())
            .Expect(ExpectedResult.Valid, Header(v), AtLimits(v).Build());
        Refuse("refuse::no-iss", "A payload without iss is refused: claim_missing.", R("CRT-3", "CLM-1"), Minimal(v).Without("iss"), ExpectedResult.Invalid("claim_missing"));
        Refuse("refuse::no-aud", "A payload without aud is refused: claim_missing.", R("CRT-3", "CLM-2"), Minimal(v).Without("aud"), ExpectedResult.Invalid("claim_missing"));
        Refuse("refuse::no-jti", "A payload without jti is refused: claim_missing.", R("CRT-3", "CLM-4"), Minimal(v).Without("jti"), ExpectedResult.Invalid("claim_missing"));
        Refuse("refuse::no-exec-act", "A payload without exec_act is refused: claim_missing.", R("CRT-3", "CLM-6"), Minimal(v).Without("exec_act"), ExpectedResult.Invalid("claim_missing"));
        Refuse("refuse::jti-not-uuid", "A jti that is no UUID is refused: jti_invalid.", R("CRT-3", "CLM-4"), Minimal(v).Jti("task-1"), ExpectedResult.Invalid("jti_invalid"), "UuidFormat");
        Refuse("refuse::wid-not-uuid", "A wid that is no UUID is refused: wid_invalid.", R("CRT-3", "CLM-5"), Minimal(v).Wid("workflow-1"), ExpectedResult.Invalid("wid_invalid"), "UuidFormat");
        Refuse("refuse::bad-hash", "A 42-character inp_hash is refused: hash_invalid.", R("CRT-3", "HASH-1"), Minimal(v).Set("inp_hash", new string('A', 42)), ExpectedResult.Invalid("hash_invalid"), "HashFormat");
        Refuse("refuse::exp-before-iat", "exp before iat is refused: claim_invalid.", R("CRT-3", "TIME-1"), Minimal(v).Iat(Now).Exp(Now - 1), ExpectedResult.Invalid("claim_invalid"));
        Refuse("refuse::iat-string", "An iat that is a string is refused: claim_invalid.", R("CRT-3", "CLM-3"), Minimal(v).Set("iat", "now").Exp(Now + 600), ExpectedResult.Invalid("claim_invalid"));
        Refuse("refuse::too-many-preds", "101 predecessors are refused: dag_too_many_preds.", R("CRT-3", "DAG-6"),
            Minimal(v).Pred(Enumerable.Range(100, 101).ToArray()), ExpectedResult.Invalid("dag_too_many_preds"), "PredecessorLimit");
        var large = Minimal(v).Ext(ExtensionVectors.OfSize(4097));
        var deep = Minimal(v).Ext(ExtensionVectors.Objects(6));
        if (v == Vocab.V01)
        {
            Refuse("refuse::ext-too-large", "A 4097-byte extension is refused in mode 01: ext_too_large.", R("CRT-3", "EXT-1"), large, ExpectedResult.Invalid("ext_too_large"), "ExtensionLimit");
            Refuse("refuse::ext-too-deep", "An extension 6 deep is refused in mode 01: ext_too_deep.", R("CRT-3", "EXT-1"), deep, ExpectedResult.Invalid("ext_too_deep"), "ExtensionLimit");
        }
        else
        {
            Create(Id(v, "refuse::ext-too-large"), Text(v, "A 4097-byte ext in mode 00 (a SHOULD NOT): refused as ext_too_large, or signed."))
                .Rules("CRT-3", "EXT-1").Drafts("00").Flags("ExtensionLimit").Payload(large.Build())
                .Expect(ExpectedResult.Acceptable("ext_too_large"), Header(v), Minimal(v).Ext(ExtensionVectors.OfSize(4097)).Iat(Now).Exp(Now + 600).Set("par", new JsonArray()).Build());
        }
    }
}
