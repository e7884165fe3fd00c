using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ect.Parsing;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>
/// MIG-1 … MIG-8: the migrate operation (a -00 header and payload to -01), and -00 tokens verified
/// in mode 01, which read them through the migration so that par is never dropped.
/// </summary>
public sealed class MigrationVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "migration";

    private const long Now = Fixtures.Now;
    private static readonly string Sha256 = Base64Url.Encode(SHA256.HashData("task input"u8));
    private static readonly string Sha384 = Base64Url.Encode(SHA384.HashData("task input"u8));

    private static JsonObject Header00 => new() { ["alg"] = "ES256", ["typ"] = "wimse-exec+jwt", ["kid"] = "agent-a" };

    private static JsonObject Header01 => new() { ["alg"] = "ES256", ["typ"] = "exec+jwt", ["kid"] = "agent-a" };

    protected override void Define()
    {
        Operation();
        Verification();
        EveryElement();
        NearMisses();
        JsonTypes();
        Unusual();
    }

    /// <summary>par against pred, and each hash and policy member, compared element by element: a difference anywhere is a conflict.</summary>
    private void EveryElement()
    {
        Mig("each-element::par-pred-differ-last", "par [2, 3, 4] and pred [2, 3, 5] differ in the last element: migration_conflict. Catches a comparison of the first element or of the lengths only.", R("MIG-2"),
            P00.Pred(2, 3, 4).Set("pred", new JsonArray(Fixtures.Task(2), Fixtures.Task(3), Fixtures.Task(5))).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("each-element::par-pred-other-order", "par [2, 3] and pred [3, 2] hold the same tasks in another order: migration_conflict (the same array in the same order). Catches a set comparison.", R("MIG-2"),
            P00.Pred(2, 3).Set("pred", new JsonArray(Fixtures.Task(3), Fixtures.Task(2))).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("each-element::pred-longer-than-par", "pred [2, 3] extends par [2]: migration_conflict. Catches a prefix comparison.", R("MIG-2"),
            P00.Pred(2).Set("pred", new JsonArray(Fixtures.Task(2), Fixtures.Task(3))).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("each-element::par-pred-equal-three", "par and pred both [4, 2, 3] collapse into pred [4, 2, 3]. Catches a comparison that reports equal lists as a conflict, or sorts them.", R("MIG-2"),
            P00.Pred(4, 2, 3).Set("pred", new JsonArray(Fixtures.Task(4), Fixtures.Task(2), Fixtures.Task(3))).Build(), ExpectedResult.Valid, P01.Pred(4, 2, 3).Build());
        Mig("each-element::out-hash-sha-384", "inp_hash sha-256: (migrates) beside out_hash sha-384: (cannot): migration_conflict. Catches a migrator that looks at inp_hash only.", R("MIG-6"),
            P00.Set("inp_hash", "sha-256:" + Sha256).Set("out_hash", "sha-384:" + Sha384).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("each-element::out-hash-prefix-stripped", "out_hash alone with a sha-256: prefix loses it. Catches a migrator that strips inp_hash only.", R("MIG-6"),
            P00.Set("out_hash", "sha-256:" + Sha256).Build(), ExpectedResult.Valid, P01.Set("out_hash", Sha256).Build());
        Mig("each-element::pol-differs-decision-equal", "ect_ext holding the same pol_decision but another pol than the top level: migration_conflict. Catches a conflict check of pol_decision only.", R("MIG-4"),
            P00.Ext(new JsonObject { ["pol"] = "policy-8", ["pol_decision"] = "approved" }).Set("pol", "policy-7").Set("pol_decision", "approved").Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
    }

    /// <summary>Migration copies and compares what it is given, whatever its text: a name outside the BMP, a number no double holds.</summary>
    private void Unusual()
    {
        Mig("unicode::non-bmp-member-name", "An unknown claim named \"x\U0001F600\" (a surrogate pair in UTF-16) is carried over unchanged. Catches a Unicode check that takes a surrogate pair for a lone surrogate.", R("MIG-8", "CLM-8"),
            P00.Set("x\U0001F600", "v").Build(), ExpectedResult.Valid, P01.Set("x\U0001F600", "v").Build());
        Mig("number::huge-exponent-ext-equal", "ext and ect_ext both {\"n\": 1e99999999999, \"m\": 1}, the same JSON text with an exponent past any integer type, collapse into that ect_ext; or the number is refused as malformed. PROFILE: RFC 8259 section 6 lets a parser limit the range of numbers, as the hostile number vectors allow. Catches a comparison that fails, or calls equal trees different, on a number it cannot hold.", R("MIG-3"),
            P00.Set("ext", HugeExponent(1)).Set("ect_ext", HugeExponent(1)).Build(), ExpectedResult.Acceptable("malformed"), P01.Ext(HugeExponent(1)).Build(), flags: ["HugeNumber"]);
        Mig("number::huge-exponent-ext-differ", "ext {\"n\": 1e99999999999, \"m\": 1} and ect_ext {\"n\": 1e99999999999, \"m\": 2} differ in m: migration_conflict; or the number is refused as malformed (PROFILE: RFC 8259 section 6, as above). Catches a comparison that gives up at a number it cannot hold and calls the trees equal.", R("MIG-3"),
            P00.Set("ext", HugeExponent(1)).Set("ect_ext", HugeExponent(2)).Build(), ExpectedResult.Invalid("migration_conflict", "malformed"), flags: ["HugeNumber", "MigrationLoss"]);
    }

    /// <summary>{"n": 1e99999999999, "m": m}: n first, so a member-by-member comparison meets the huge number before m.</summary>
    private static JsonObject HugeExponent(int m) => new() { ["n"] = JsonNode.Parse("1e99999999999"), ["m"] = m };

    /// <summary>MIG-5 keeps sub only when it equals iss exactly; one character off is data that would be lost.</summary>
    private void NearMisses()
    {
        foreach (var (kind, sub) in new (string, string)[] { ("case", Fixtures.Issuer.ToUpperInvariant()), ("trailing-slash", Fixtures.Issuer + "/"), ("trailing-space", Fixtures.Issuer + " ") })
        {
            Mig($"near-miss::sub-{kind}", $"sub equal to iss but for {kind.Replace('-', ' ')} is not iss: dropping it would lose data, migration_conflict. Catches a loose comparison before sub is dropped.", R("MIG-5"),
                P00.Set("sub", sub).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        }

        Mig("near-miss::hash-upper-case-prefix-carried", "SHA-256: (upper case) is not the sha-256: prefix, so nothing is stripped: the value is carried unchanged (migration validates no claim; HASH-1 refuses it later). PROFILE: the profile names only the exact prefixes; the strict reading touches nothing else. Catches a case-insensitive prefix strip.", R("MIG-6"),
            P00.Set("inp_hash", "SHA-256:" + Sha256).Build(), ExpectedResult.Valid, P01.Set("inp_hash", "SHA-256:" + Sha256).Build(), flags: ["HashFormat"]);
    }

    /// <summary>Claims of the wrong JSON type migrate as they are: migration validates no claim, and compares what it must compare by value and type.</summary>
    private void JsonTypes()
    {
        Mig("json-type::par-string-carried", "A par that is a string becomes pred unchanged: migration validates no claim (CLM-7 refuses it later). PROFILE: MIG-3's rule for ext read for par too. Catches a migrator that drops a par it cannot read, turning the task into a root.", R("MIG-2"),
            P00.Set("par", Fixtures.Task(2)).Build(), ExpectedResult.Valid, P01.Set("pred", Fixtures.Task(2)).Build(), flags: ["ParDropped"]);
        Mig("json-type::sub-number", "A sub that is a number is not iss: migration_conflict. Catches a sub compared after conversion to text, or dropped because it is not a string.", R("MIG-5"),
            P00.Set("sub", 5).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("json-type::sub-one-element-array", "A sub that is [iss] is not iss: migration_conflict. Catches a one-element array unwrapped before the comparison.", R("MIG-5"),
            P00.Set("sub", new JsonArray(Fixtures.Issuer)).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("json-type::par-pred-number-against-string", "par [\"1\"] beside pred [1] differ in type: migration_conflict. Catches a comparison of values as text.", R("MIG-2"),
            P00.Set("par", new JsonArray("1")).Set("pred", new JsonArray(1)).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("json-type::pol-number-moved", "A pol that is a number moves into ect_ext unchanged. Catches a migrator that refuses or stringifies it.", R("MIG-4"),
            P00.Set("pol", 7).Set("pol_decision", "approved").Build(), ExpectedResult.Valid, P01.Ext(new JsonObject { ["pol"] = 7, ["pol_decision"] = "approved" }).Build());
    }

    private void Mig(string name, string description, string[] rules, JsonObject payload, ExpectedResult outcome, JsonObject? migrated = null,
        JsonObject? header = null, JsonObject? migratedHeader = null, params string[] flags) =>
        Migrate(name, description).Rules(rules).Drafts("01").Flags(flags).Header(header ?? Header00).Payload(payload)
            .Expect(outcome, migratedHeader ?? Header01, migrated);

    private static PayloadBuilder P00 => PayloadBuilder.For(Vocab.V00);

    private static PayloadBuilder P01 => PayloadBuilder.For(Vocab.V01);

    private void Operation()
    {
        Mig("op::root", "A -00 root task: typ becomes exec+jwt and par [] becomes pred [].", R("MIG-1", "MIG-2"), P00.Build(), ExpectedResult.Valid, P01.Build());
        Mig("op::header-members-kept", "Header members other than typ (alg, kid, an x5c) are kept as they are.", R("MIG-1"),
            P00.Build(), ExpectedResult.Valid, P01.Build(), header: new JsonObject { ["alg"] = "ES256", ["typ"] = "wimse-exec+jwt", ["kid"] = "agent-b", ["x5c"] = new JsonArray("MIIBcert") },
            migratedHeader: new JsonObject { ["alg"] = "ES256", ["typ"] = "exec+jwt", ["kid"] = "agent-b", ["x5c"] = new JsonArray("MIIBcert") });
        Mig("op::par-order-kept", "par [3, 1, 2] becomes pred [3, 1, 2]: the same array in the same order.", R("MIG-2"), P00.Pred(3, 1, 2).Build(), ExpectedResult.Valid, P01.Pred(3, 1, 2).Build());
        Mig("op::par-and-equal-pred", "par and pred holding the same array collapse into pred.", R("MIG-2"),
            P00.Pred(2).Set("pred", new JsonArray(Fixtures.Task(2))).Build(), ExpectedResult.Valid, P01.Pred(2).Build());
        Mig("op::par-and-other-pred", "par and pred that differ cannot both survive: migration_conflict.", R("MIG-2"),
            P00.Pred(2).Set("pred", new JsonArray(Fixtures.Task(3))).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("op::ext-renamed", "ext becomes ect_ext with the same content.", R("MIG-3"),
            P00.Ext(new JsonObject { ["com.example.k"] = "v" }).Build(), ExpectedResult.Valid, P01.Ext(new JsonObject { ["com.example.k"] = "v" }).Build());
        Mig("op::ext-and-equal-ect-ext", "ext and an ect_ext holding the same object collapse into ect_ext.", R("MIG-3"),
            P00.Ext(new JsonObject { ["com.example.k"] = "v" }).Set("ect_ext", new JsonObject { ["com.example.k"] = "v" }).Build(), ExpectedResult.Valid,
            P01.Ext(new JsonObject { ["com.example.k"] = "v" }).Build());
        Mig("op::ext-and-other-ect-ext", "ext and an ect_ext that differ would lose data: migration_conflict.", R("MIG-3"),
            P00.Ext(new JsonObject { ["com.example.k"] = "v" }).Set("ect_ext", new JsonObject { ["com.example.k"] = "w" }).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("op::pol-moved", "pol and pol_decision move into ect_ext under the same names.", R("MIG-4"),
            P00.Set("pol", "policy-7").Set("pol_decision", "approved").Build(), ExpectedResult.Valid,
            P01.Ext(new JsonObject { ["pol"] = "policy-7", ["pol_decision"] = "approved" }).Build());
        Mig("op::pol-merged-with-ext", "pol and pol_decision join the keys ext already holds.", R("MIG-3", "MIG-4"),
            P00.Ext(new JsonObject { ["com.example.k"] = "v" }).Set("pol", "policy-7").Set("pol_decision", "rejected").Build(), ExpectedResult.Valid,
            P01.Ext(new JsonObject { ["com.example.k"] = "v", ["pol"] = "policy-7", ["pol_decision"] = "rejected" }).Build());
        Mig("op::pol-equal-in-ext", "An ext already holding the same pol takes the top-level pol without conflict.", R("MIG-4"),
            P00.Ext(new JsonObject { ["pol"] = "policy-7" }).Set("pol", "policy-7").Set("pol_decision", "approved").Build(), ExpectedResult.Valid,
            P01.Ext(new JsonObject { ["pol"] = "policy-7", ["pol_decision"] = "approved" }).Build());
        Mig("op::pol-conflicting-in-ext", "An ext holding another pol_decision than the top-level one: migration_conflict.", R("MIG-4"),
            P00.Ext(new JsonObject { ["pol_decision"] = "rejected" }).Set("pol", "policy-7").Set("pol_decision", "approved").Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("op::pol-into-non-object-ext", "pol cannot move into an ext that is not an object: migration_conflict.", R("MIG-4"),
            P00.Ext("flags").Set("pol", "policy-7").Set("pol_decision", "approved").Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("op::sub-equal-dropped", "sub equal to iss is dropped.", R("MIG-5"), P00.Set("sub", Fixtures.Issuer).Build(), ExpectedResult.Valid, P01.Build());
        Mig("op::sub-differs", "sub different from iss cannot be expressed in -01: migration_conflict.", R("MIG-5"),
            P00.Set("sub", Fixtures.Other).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("op::hash-prefix-stripped", "sha-256: prefixes of inp_hash and out_hash are removed.", R("MIG-6"),
            P00.Set("inp_hash", "sha-256:" + Sha256).Set("out_hash", "sha-256:" + Sha256).Build(), ExpectedResult.Valid,
            P01.Set("inp_hash", Sha256).Set("out_hash", Sha256).Build());
        Mig("op::hash-plain-kept", "A plain base64url SHA-256 hash is kept.", R("MIG-6"), P00.Set("inp_hash", Sha256).Build(), ExpectedResult.Valid, P01.Set("inp_hash", Sha256).Build());
        Mig("op::hash-sha-384", "A sha-384: hash cannot be expressed in -01: migration_conflict.", R("MIG-6"),
            P00.Set("inp_hash", "sha-384:" + Sha384).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("op::hash-sha-512", "A sha-512: out_hash cannot be expressed in -01: migration_conflict.", R("MIG-6"),
            P00.Set("out_hash", "sha-512:" + Base64Url.Encode(SHA512.HashData("x"u8))).Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        // MIG-3: migration validates no claim, so what it cannot judge it carries over for verification to refuse.
        Mig("op::ext-string-carried", "An ext that is a string is carried over to ect_ext unchanged: migration validates no claim (EXT-2 refuses it later); catches a migrator that drops or rejects it.", R("MIG-3"),
            P00.Ext("flags").Build(), ExpectedResult.Valid, P01.Ext("flags").Build());
        Mig("op::ext-array-carried", "An ext that is an array is carried over to ect_ext unchanged, element order kept.", R("MIG-3"),
            P00.Ext(new JsonArray(1, "two", new JsonObject { ["k"] = 3 })).Build(), ExpectedResult.Valid, P01.Ext(new JsonArray(1, "two", new JsonObject { ["k"] = 3 })).Build());
        Mig("op::invalid-claims-carried", "Claims that verification would refuse (no iss, a jti that is not a UUID, a string iat, an unknown pol_decision alone) migrate unchanged: migration validates no claim; catches a migrator that verifies.", R("MIG-3", "MIG-4"),
            P00.Without("iss").Jti("not-a-uuid").Set("iat", "soon").Set("pol_decision", "maybe").Pred(2).Build(), ExpectedResult.Valid,
            P01.Without("iss").Jti("not-a-uuid").Set("iat", "soon").Ext(new JsonObject { ["pol_decision"] = "maybe" }).Pred(2).Build());
        Mig("op::pol-alone-moved", "pol without pol_decision still moves into ect_ext: the pairing rule (CLM-9) is verification's, not migration's.", R("MIG-4"),
            P00.Set("pol", "policy-7").Build(), ExpectedResult.Valid, P01.Ext(new JsonObject { ["pol"] = "policy-7" }).Build());
        Mig("op::pol-decision-into-array-ext", "pol_decision alone cannot move into an ext that is an array: migration_conflict; catches a migrator that drops the decision.", R("MIG-4"),
            P00.Ext(new JsonArray("a")).Set("pol_decision", "approved").Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("op::pol-into-non-object-ect-ext", "pol cannot move into an ect_ext (already the -01 name) that is a number: migration_conflict.", R("MIG-4"),
            P00.Set("ect_ext", 7).Set("pol", "policy-7").Set("pol_decision", "approved").Build(), ExpectedResult.Invalid("migration_conflict"), flags: ["MigrationLoss"]);
        Mig("op::everything", "A payload using every -00 feature migrates in one step: par, ext, pol, pol_decision, sub, a prefixed hash; unknown claims stay.", R("MIG-2", "MIG-3", "MIG-4", "MIG-5", "MIG-6"),
            P00.Pred(2, 3).Ext(new JsonObject { ["com.example.k"] = 1 }).Set("pol", "p").Set("pol_decision", "pending_human_review").Set("sub", Fixtures.Issuer)
                .Set("out_hash", "sha-256:" + Sha256).Set("com.example.other", true).Build(), ExpectedResult.Valid,
            P01.Pred(2, 3).Ext(new JsonObject { ["com.example.k"] = 1, ["pol"] = "p", ["pol_decision"] = "pending_human_review" })
                .Set("out_hash", Sha256).Set("com.example.other", true).Build());
        Mig("op::idempotent", "A -01 header and payload migrate to themselves.", R("MIG-8"),
            P01.Pred(2).Ext(new JsonObject { ["com.example.k"] = "v" }).Set("inp_hash", Sha256).Build(), ExpectedResult.Valid,
            P01.Pred(2).Ext(new JsonObject { ["com.example.k"] = "v" }).Set("inp_hash", Sha256).Build(), header: Header01);
    }

    private void Verification()
    {
        Verify("legacy::root", "A -00 root token is accepted in mode 01.").Rules("MIG-1", "MIG-8").Drafts("01").Accept(T00.Build());
        Verify("legacy::par-chain", "-00 and -01 tokens mix in one mode-01 verifier: a -00 root, a -01 child, a -00 grandchild naming it through par.")
            .Rules("MIG-2", "DAG-2").Drafts("01")
            .Accept(T00.Jti(1).Issued(Now - 60).Build())
            .Accept(T01.Jti(2).Issued(Now - 30).Pred(1).Build())
            .Accept(T00.Jti(3).Issued(Now - 10).Pred(2).Build());
        Verify("legacy::par-not-dropped", "A -00 token whose par names an unknown task is dag_pred_not_found in mode 01: par is read as pred, never dropped (which would make it a root).")
            .Rules("MIG-2", "DAG-2").Drafts("01").Flags("ParDropped").Reject(T00.Pred(9).Build(), "dag_pred_not_found");
        Verify("legacy::par-not-dropped-00", "The same -00 token is dag_pred_not_found in mode 00.")
            .Rules("DAG-2").Drafts("00").Flags("ParDropped").Reject(T00.Pred(9).Build(), "dag_pred_not_found");
        Verify("legacy::par-missing", "A -00 token without par (and without pred) is claim_missing in mode 01 as in mode 00.")
            .Rules("CLM-7", "MIG-8").Drafts("00", "01").Flags("MissingPredecessors").Reject(T00.Without("par").Build(), "claim_missing");
        Verify("legacy::bad-jti", "A -00 token with a jti that is no UUID fails in mode 01 as in mode 00: migration keeps every -01 rule.")
            .Rules("CLM-4", "MIG-8").Drafts("00", "01").Flags("UuidFormat").Reject(T00.Jti("task-1").Build(), "jti_invalid");
        Verify("legacy::par-and-other-pred", "A -00 token carrying par and a different pred: migration_conflict when migrated; a reader that takes pred when present accepts.")
            .Rules("MIG-2").Drafts("01").Flags("MigrationLoss", "PartialMigration").Allow(T00.Set("pred", new JsonArray(Fixtures.Task(9))).Build(), "migration_conflict");
        Verify("legacy::sub-differs", "A -00 token whose sub differs from iss: migration_conflict when migrated; a reader that migrates only par accepts.")
            .Rules("MIG-5").Drafts("01").Flags("MigrationLoss", "PartialMigration").Allow(T00.Set("sub", Fixtures.Other).Build(), "migration_conflict");
        Verify("legacy::sub-equal", "A -00 token whose sub equals iss is accepted in mode 01.").Rules("MIG-5").Drafts("01").Accept(T00.Set("sub", Fixtures.Issuer).Build());
        Verify("legacy::pol-alone", "A -00 token with pol and no pol_decision: pol_pair in mode 00; in mode 01 pol moves into ect_ext (or is ignored) and the token is accepted.")
            .Rules("MIG-4").Drafts("01").Flags("PolicyPair").Accept(T00.Set("pol", "policy-7").Build());
        Verify("legacy::pol-pair", "A -00 token with pol and pol_decision is accepted in mode 01.").Rules("MIG-4").Drafts("01")
            .Accept(T00.Set("pol", "policy-7").Set("pol_decision", "approved").Build());
        Verify("legacy::hash-sha-256-prefix", "A -00 token with a sha-256: hash: the migration strips the prefix and accepts; a reader that migrates only par sees a prefix mode 01 forbids.")
            .Rules("MIG-6", "HASH-1").Drafts("01").Flags("PartialMigration").Allow(T00.Set("inp_hash", "sha-256:" + Sha256).Build(), "hash_invalid");
        Verify("legacy::hash-sha-384", "A -00 token with a sha-384: hash is refused in mode 01 either way: migration_conflict, or hash_invalid.")
            .Rules("MIG-6", "HASH-1").Drafts("01").Flags("MigrationLoss").Reject(T00.Set("inp_hash", "sha-384:" + Sha384).Build(), "migration_conflict", "hash_invalid");
        Verify("legacy::ext-over-limit", "A -00 token with a 4097-byte ext: read as ect_ext, the -01 MUST limit makes it ext_too_large; a reader that migrates only par ignores ext.")
            .Rules("MIG-3", "EXT-1").Drafts("01").Flags("PartialMigration", "ExtensionLimit").Allow(T00.Ext(ExtensionVectors.OfSize(4097)).Build(), "ext_too_large");
        Verify("legacy::ext-not-object", "A -00 token whose ext is a string: read as ect_ext it is claim_invalid; a reader that migrates only par ignores ext.")
            .Rules("MIG-3", "EXT-2").Drafts("01").Flags("PartialMigration").Allow(T00.Ext("flags").Build(), "claim_invalid");
        Verify("legacy::ext-within-limit", "A -00 token with a 4096-byte ext is accepted in mode 01.")
            .Rules("MIG-3", "EXT-1").Drafts("01").Flags("ExtensionLimit").Accept(T00.Ext(ExtensionVectors.OfSize(4096)).Build());
        Verify("legacy::max-par-length", "max_par_length, the -00 name of max_pred_length, limits predecessors: 3 of 2 are dag_too_many_preds.")
            .Rules("MIG-7", "DAG-6").Drafts("00").Option("max_par_length", 2).Flags("PredecessorLimit")
            .Reject(T00.Pred(2, 3, 4).Build(), "dag_too_many_preds");
        Verify("legacy::max-par-length-01", "max_par_length 2 is read as max_pred_length in mode 01: 3 predecessors are dag_too_many_preds.")
            .Rules("MIG-7", "DAG-6").Drafts("01").Option("max_par_length", 2).Flags("PredecessorLimit")
            .Reject(T01.Pred(2, 3, 4).Build(), "dag_too_many_preds");
        foreach (var vocab in new[] { Vocab.V01, Vocab.V00 })
        {
            Verify(vocab == Vocab.V01 ? "legacy::max-par-length-at-limit" : "legacy::max-par-length-at-limit-00",
                    "max_par_length 2 admits two stored predecessors." + (vocab == Vocab.V00 ? " It uses the -00 names." : ""))
                .Rules("MIG-7", "DAG-6").Drafts(vocab.Mode()).Option("max_par_length", 2).Flags("PredecessorLimit")
                .Store(PayloadBuilder.Task(vocab, 2, Now - 100).Build(), PayloadBuilder.Task(vocab, 3, Now - 100).Build())
                .Accept(T(vocab).Pred(2, 3).Build());
        }
    }
}
