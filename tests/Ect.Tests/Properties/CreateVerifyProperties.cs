using System.Text.Json.Nodes;
using Ect.Creation;
using Ect.Migration;
using Ect.Tests.Support;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>Round trips through create, verify and migration.</summary>
public class CreateVerifyProperties
{
    [TestCase(EctDraft.Draft00)]
    [TestCase(EctDraft.Draft01)]
    public void CreateThenVerifyReturnsTheSamePayload(EctDraft draft) =>
        PropertyRun.Check($"create-verify-{draft.ToWireName()}", 200, SeededGen.Payloads(draft).ToArbitrary(), payload =>
        {
            var created = EctCreator.Create(payload, TestKeys.AgentA, draft, new CreateOptions(), Tokens.Now);
            Assert.That(created.Succeeded, Is.True, () => $"{created.Error}\n{payload.ToJsonString()}");
            var result = Verifiers.Create(draft).Check(created.Token);
            Assert.That(result.IsValid, Is.True, () => $"{result.Error}\n{payload.ToJsonString()}");
            Assert.That(JsonNode.DeepEquals(result.Payload!.ToJsonObject(), payload), Is.True, payload.ToJsonString());
        });

    [Test]
    public void MigrationIsIdempotentAndKeepsLegacyTokensValid() =>
        PropertyRun.Check("migration", 200, SeededGen.Payloads(EctDraft.Draft00).ToArbitrary(), payload =>
        {
            var header = Tokens.Header(EctDraft.Draft00);
            var once = EctMigrator.Migrate(header, payload);
            var (migratedHeader, migratedPayload) = ResultAssert.Migrated(once, payload.ToJsonString());
            var twice = EctMigrator.Migrate(migratedHeader, migratedPayload);
            Assert.That(JsonNode.DeepEquals(twice.Payload, once.Payload) && JsonNode.DeepEquals(twice.Header, once.Header), Is.True);

            // MIG-8: what mode 00 accepts, mode 01 accepts too, and returns the migrated payload.
            var token = Tokens.Sign(EctDraft.Draft00, payload);
            var legacy = Verifiers.Create(EctDraft.Draft00).Check(token);
            Assert.That(legacy.IsValid, Is.True, () => $"{legacy.Error}\n{payload.ToJsonString()}");
            var current = Verifiers.Create(EctDraft.Draft01).Check(token);
            Assert.That(current.IsValid, Is.True, () => $"{current.Error}\n{payload.ToJsonString()}");
            Assert.That(JsonNode.DeepEquals(current.Payload!.ToJsonObject(), once.Payload), Is.True);
        });

    [Test]
    public void LegacyTokensBrokenByARuleOfBothDraftsFailWithTheSameCode()
    {
        var defects = new (string Name, Action<JsonObject> Break)[]
        {
            ("no iss", p => p.Remove("iss")),
            ("bad jti", p => p["jti"] = "task-1"),
            ("foreign aud", p => p["aud"] = "spiffe://elsewhere"),
            ("expired", p => p["exp"] = Tokens.Now),
            ("too old", p => p["iat"] = Tokens.Now - 901),
            ("ext too large", p => p["ext"] = new JsonObject { ["k"] = new string('x', 4100) }),
            ("bad wid", p => p["wid"] = "w-1"),
        };
        var arbitrary = (from payload in SeededGen.Payloads(EctDraft.Draft00)
                         from defect in FsCheck.Fluent.Gen.Elements(defects)
                         select (payload, defect)).ToArbitrary();
        PropertyRun.Check("migration-invalid", 200, arbitrary, input =>
        {
            input.defect.Break(input.payload);
            var token = Tokens.Sign(EctDraft.Draft00, input.payload);
            var legacy = Verifiers.Create(EctDraft.Draft00).Check(token);
            var current = Verifiers.Create(EctDraft.Draft01).Check(token);
            Assert.That(legacy.IsValid, Is.False, input.defect.Name);
            Assert.That(current.Error?.Code, Is.EqualTo(legacy.Error!.Code), $"{input.defect.Name}: {current.Error} vs {legacy.Error}");
        });
    }
}
