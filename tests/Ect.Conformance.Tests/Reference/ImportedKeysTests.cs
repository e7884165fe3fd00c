using System.Text.Json.Nodes;
using Ect.Conformance.Fuzzing;
using Ect.Conformance.Reference;
using Ect.Keys;

namespace Ect.Conformance.Tests.Reference;

/// <summary>Keys are imported once per exact JSON text, and only an import that worked is kept.</summary>
// Alone: another fixture running the corpus meanwhile could fill the cache past its bound and empty it between two calls.
[NonParallelizable]
public sealed class ImportedKeysTests
{
    [Test]
    public void TheSameKeyTextIsImportedOnce()
    {
        var imports = 0;
        var text = Keys().ToJsonString();
        KeySet Import()
        {
            imports++;
            return new KeySet([JsonWebKey.Parse(FuzzKeys.Public(FuzzKeys.AgentA).ToJsonString())]);
        }

        var first = ImportedKeys.KeySet(JsonNode.Parse(text)!.AsArray(), Import);
        var again = ImportedKeys.KeySet(JsonNode.Parse(text)!.AsArray(), Import);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.SameAs(first));
            Assert.That(imports, Is.EqualTo(1));
        });
    }

    [Test]
    public void AnotherSpellingOfTheKeysIsImportedAfresh()
    {
        var keys = Keys();
        var reordered = new JsonArray(keys[1]!.DeepClone(), keys[0]!.DeepClone());
        var first = ImportedKeys.KeySet(keys, () => new KeySet([]));
        var other = ImportedKeys.KeySet(reordered, () => new KeySet([]));
        Assert.That(other, Is.Not.SameAs(first));
    }

    [Test]
    public void AnImportThatThrowsIsNotKeptSoTheSameKeysThrowAgain()
    {
        var keys = new JsonArray(new JsonObject { ["kty"] = "EC", ["kid"] = "not-kept-" + Guid.NewGuid() });
        Assert.Throws<FormatException>(() => ImportedKeys.KeySet(keys, () => throw new FormatException("unreadable")));
        Assert.Throws<FormatException>(() => ImportedKeys.KeySet(keys, () => throw new FormatException("unreadable")));
    }

    [Test]
    public void APublicKeyGivesNoSigningKeySoTheEngineRefusesIt()
    {
        var json = FuzzKeys.Public(FuzzKeys.AgentA);
        Assert.That(ImportedKeys.SigningKey(json, JsonWebKey.Parse(json.ToJsonString())), Is.Null);
    }

    [Test]
    public void APrivateKeyIsImportedOncePerThread()
    {
        var json = FuzzKeys.Private(FuzzKeys.AgentB);
        var key = JsonWebKey.Parse(json.ToJsonString());
        var first = ImportedKeys.SigningKey(json, key);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Null);
            Assert.That(ImportedKeys.SigningKey(JsonNode.Parse(json.ToJsonString())!.AsObject(), key), Is.SameAs(first));
        });
    }

    // A key set no other test imports (the kid of its third key is new each time), so no earlier entry answers for it.
    private static JsonArray Keys() => [FuzzKeys.Public(FuzzKeys.AgentA), FuzzKeys.Public(FuzzKeys.AgentB), new JsonObject { ["kty"] = "EC", ["kid"] = Guid.NewGuid().ToString() }];
}
