using System.Text.Json.Nodes;
using Ect.Errors;
using Ect.Migration;
using Ect.Tests.Support;

namespace Ect.Tests.Migration;

/// <summary>MIG-1 … MIG-8, and reading -00 tokens in mode 01 (profile section 2).</summary>
public class MigrationTests
{
    private const string Digest = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";

    private static JsonObject Header00() => Tokens.Header(EctDraft.Draft00);

    private static MigrationResult Migrate(JsonObject payload) => EctMigrator.Migrate(Header00(), payload);

    private static void ExpectConflict(MigrationResult result)
    {
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Error!.Code, Is.EqualTo(EctErrorCode.MigrationConflict));
    }

    [Test]
    public void FullMigration()
    {
        var payload = Tokens.Payload(EctDraft.Draft00, "t1", "p1", "p2");
        payload["ext"] = new JsonObject { ["com.example.k"] = "v" };
        payload["pol"] = "policy_v1";
        payload["pol_decision"] = "approved";
        payload["sub"] = Tokens.Issuer;
        payload["inp_hash"] = "sha-256:" + Digest;
        var original = payload.DeepClone();

        var result = Migrate(payload);

        Assert.That(result.Succeeded, Is.True, result.Error?.ToString());
        var expected = Tokens.Payload(EctDraft.Draft01, "t1", "p1", "p2");
        expected["ect_ext"] = new JsonObject { ["com.example.k"] = "v", ["pol"] = "policy_v1", ["pol_decision"] = "approved" };
        expected["inp_hash"] = Digest;
        Assert.Multiple(() =>
        {
            Assert.That(result.Header!["typ"]!.GetValue<string>(), Is.EqualTo("exec+jwt"));
            Assert.That(JsonNode.DeepEquals(result.Payload, expected), Is.True, result.Payload!.ToJsonString());
            Assert.That(JsonNode.DeepEquals(payload, original), Is.True, "the input is not modified");
        });
    }

    [Test]
    public void ParKeepsItsOrder()
    {
        var result = Migrate(Tokens.Payload(EctDraft.Draft00, null, "z", "a", "m"));
        Assert.That(result.Payload!["pred"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "z", "a", "m" }));
    }

    [Test]
    public void DifferingParAndPredConflict()
    {
        var payload = Tokens.Payload(EctDraft.Draft00, null, "a");
        payload["pred"] = new JsonArray("b");
        ExpectConflict(Migrate(payload));
    }

    [Test]
    public void EqualParAndPredCollapse()
    {
        var payload = Tokens.Payload(EctDraft.Draft00, null, "a");
        payload["pred"] = new JsonArray("a");
        var result = Migrate(payload);
        Assert.That(result.Payload!.ContainsKey("par"), Is.False);
        Assert.That(result.Payload["pred"]!.AsArray(), Has.Count.EqualTo(1));
    }

    // JsonNode.DeepEquals throws on an exponent past int (1e99999999999); migration compares par/pred, pol and sub/iss, so it must not use it bare.
    [TestCase("par", "pred", "[1e99999999999]", "[1e99999999998]", false)]
    [TestCase("par", "pred", "[1e99999999999]", "[1e99999999999]", true)]
    [TestCase("sub", "iss", "1e99999999999", "2e99999999999", false)]
    [TestCase("pol", "ect_ext", "1e99999999999", "{\"pol\":1e99999999998}", false)]
    public void NumbersPastTheFrameworksExponentRangeAreComparedNotThrown(string claim, string other, string value, string otherValue, bool equal)
    {
        var payload = Tokens.Payload(EctDraft.Draft00, null);
        payload[claim] = JsonNode.Parse(value);
        payload[other] = JsonNode.Parse(otherValue);
        if (claim == "pol")
        {
            payload["pol_decision"] = "approved";
        }

        var result = Migrate(payload);
        if (equal)
        {
            Assert.That(result.Succeeded, Is.True, result.Error?.Message);
        }
        else
        {
            ExpectConflict(result);
        }
    }

    [Test]
    public void PolicyConflictingWithEctExtConflicts()
    {
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["pol"] = "policy_v1";
        payload["pol_decision"] = "approved";
        payload["ect_ext"] = new JsonObject { ["pol"] = "policy_v2" };
        ExpectConflict(Migrate(payload));
    }

    [Test]
    public void SubDifferentFromIssConflicts()
    {
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["sub"] = "spiffe://other";
        ExpectConflict(Migrate(payload));
    }

    [TestCase("sha-384:")]
    [TestCase("sha-512:")]
    public void LongerDigestsConflict(string prefix)
    {
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["out_hash"] = prefix + new string('A', 64);
        ExpectConflict(Migrate(payload));
    }

    [Test]
    public void MigrationIsIdempotent()
    {
        var payload = Tokens.Payload(EctDraft.Draft01);
        payload["ect_ext"] = new JsonObject { ["pol"] = "p" };
        var header = Tokens.Header(EctDraft.Draft01);
        var once = EctMigrator.Migrate(header, payload);
        var (migratedHeader, migratedPayload) = ResultAssert.Migrated(once, payload.ToJsonString());
        Assert.That(JsonNode.DeepEquals(migratedPayload, payload), Is.True);
        Assert.That(JsonNode.DeepEquals(migratedHeader, header), Is.True);
        var twice = EctMigrator.Migrate(migratedHeader, migratedPayload);
        Assert.That(JsonNode.DeepEquals(twice.Payload, once.Payload), Is.True);
    }

    [Test]
    public void LegacyTokenWithParIsReadThroughTheMigrationInMode01()
    {
        // The classic hole: a -00 token with par: [A] read by a -01 verifier must not become a root.
        var ledger = new Ect.Ledger.MemoryLedger();
        var verifier = Verifiers.Create(EctDraft.Draft01, ledger: ledger);
        var parent = Tokens.NewJti();
        var token = Tokens.Sign(EctDraft.Draft00, Tokens.Payload(EctDraft.Draft00, null, parent));
        var result = verifier.Check(token);
        ResultAssert.Rejected(result, EctErrorCode.DagPredNotFound);
        Assert.That(result.Error!.Message, Does.Contain(parent));

        ResultAssert.Accepted(verifier.Check(Tokens.Sign(EctDraft.Draft01, Tokens.Payload(EctDraft.Draft01, parent))));
        var accepted = verifier.Check(Tokens.Sign(EctDraft.Draft00, Tokens.Payload(EctDraft.Draft00, null, parent)));
        ResultAssert.Accepted(accepted);
        Assert.That(accepted.Payload!.Predecessors, Is.EqualTo(new[] { parent }));
        Assert.That(accepted.Payload.ToJsonObject().ContainsKey("par"), Is.False, "the returned payload is the migrated one");
    }

    [Test]
    public void LegacyTokenThatCannotMigrateIsRejectedInMode01()
    {
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["sub"] = "spiffe://other";
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(EctDraft.Draft00, payload)), EctErrorCode.MigrationConflict);
    }

    [Test]
    public void LegacyExtIsHeldToTheMode01Limits()
    {
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["ext"] = new JsonObject { ["com.example.pad"] = new string('x', 5000) };
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(Tokens.Sign(EctDraft.Draft00, payload)), EctErrorCode.ExtTooLarge);
    }

    [Test]
    public void MigratedTokenPassesWhatTheOriginalPassedInMode00()
    {
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["pol"] = "policy_v1";
        payload["pol_decision"] = "pending_human_review";
        payload["sub"] = Tokens.Issuer;
        payload["out_hash"] = "sha-256:" + Digest;
        var token = Tokens.Sign(EctDraft.Draft00, payload);
        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft00).Check(token));
        ResultAssert.Accepted(Verifiers.Create(EctDraft.Draft01).Check(token));
    }

    [Test]
    public void LegacyTokenWithSubButNoIssIsClaimMissingInBothModes()
    {
        // Found by the migration property: the migration used to answer migration_conflict here, hiding the missing iss.
        var payload = Tokens.Payload(EctDraft.Draft00);
        payload["sub"] = Tokens.Issuer;
        payload.Remove("iss");
        var token = Tokens.Sign(EctDraft.Draft00, payload);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft00).Check(token), EctErrorCode.ClaimMissing);
        ResultAssert.Rejected(Verifiers.Create(EctDraft.Draft01).Check(token), EctErrorCode.ClaimMissing);
    }
}
