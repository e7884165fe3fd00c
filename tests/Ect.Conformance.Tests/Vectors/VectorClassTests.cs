using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Vectors.Output;

namespace Ect.Conformance.Tests.Vectors;

/// <summary>The classes the coverage report reads from each case, and the corpus property they exist for: every parameter away from its default both ways.</summary>
public class VectorClassTests
{
    private static VectorCase Verify(string id, JsonObject? options = null, long now = 1_767_225_600, params string[] flags)
    {
        var given = options ?? [];
        given["verifier_id"] ??= "spiffe://example.com/agent/b";
        var input = new JsonObject { ["now"] = now, ["options"] = given, ["keys"] = new JsonArray(), ["tokens"] = new JsonArray("a.b.c") };
        return new VectorCase
        {
            Id = id,
            Description = "d",
            Rules = ["TIME-2"],
            Drafts = ["01"],
            Flags = flags,
            Operation = CaseOperation.Verify,
            Input = ProfileDefaults.Fill(CaseOperation.Verify, input),
            Expected = [ExpectedResult.Valid],
        };
    }

    [Test]
    public void TheGroupNamesTheClass() => Assert.Multiple(() =>
    {
        Assert.That(VectorClass.Of(Verify("time::boundary::x")), Is.EquivalentTo(new[] { VectorClass.Boundary }));
        Assert.That(VectorClass.Of(Verify("claims::near-miss::x")), Is.EquivalentTo(new[] { VectorClass.NearMiss }));
        Assert.That(VectorClass.Of(Verify("dag::shape::x")), Is.EquivalentTo(new[] { VectorClass.Shape }));
        Assert.That(VectorClass.Of(Verify("parse::json::x")), Is.EquivalentTo(new[] { VectorClass.JsonType }));
        Assert.That(VectorClass.Of(Verify("time::exp::x")), Is.Empty);
    });

    [Test]
    public void EarlierGroupsCountOnlyInTheirTopic() =>
        Assert.That(VectorClass.Of(Verify("claims::json::x")), Is.Empty, "parse::json is json-type, a json group elsewhere is not");

    [Test]
    public void BoundaryFlagsMakeABoundaryCase() =>
        Assert.That(VectorClass.Of(Verify("time::exp::x", flags: "TimeBoundary")), Does.Contain(VectorClass.Boundary));

    [Test]
    public void DefaultsFilledInAreNoOption() => Assert.Multiple(() =>
    {
        var plain = Verify("time::exp::x");
        Assert.That(VectorClass.NonDefaultParameters(plain), Is.Empty);
        Assert.That(VectorClass.Of(plain), Does.Not.Contain(VectorClass.Option));
    });

    [Test]
    public void EachParameterAwayFromItsDefaultIsNamed() => Assert.Multiple(() =>
    {
        Assert.That(VectorClass.NonDefaultParameters(Verify("time::exp::x", new JsonObject { ["iat_max_age"] = 60 })), Is.EqualTo(new[] { "iat_max_age" }));
        Assert.That(VectorClass.NonDefaultParameters(Verify("time::exp::x", new JsonObject { ["iat_max_age"] = 900 })), Is.Empty, "the default written out is no option");
        Assert.That(VectorClass.NonDefaultParameters(Verify("time::exp::x", new JsonObject { ["allowed_algs"] = new JsonArray("ES384") })), Is.EqualTo(new[] { "allowed_algs" }));
        Assert.That(VectorClass.NonDefaultParameters(Verify("time::exp::x", new JsonObject { ["verifier_id"] = "spiffe://example.com/agent/c" })), Is.EqualTo(new[] { "verifier_id" }));
        Assert.That(VectorClass.NonDefaultParameters(Verify("time::exp::x", now: 1_893_456_000)), Is.EqualTo(new[] { "now" }));
        Assert.That(VectorClass.Of(Verify("time::exp::x", new JsonObject { ["max_par_length"] = 2 })), Does.Contain(VectorClass.Option));
    });

    /// <summary>An implementation that hard-codes a default passes every case at the default; only a case away from it, each way, catches that.</summary>
    [Test]
    public void EveryParameterIsSetAwayFromItsDefaultInAMustPassAndAMustFailCase()
    {
        var cases = VectorRepository.Suite.Cases;
        var parameters = ProfileDefaults.Verifier.Select(p => p.Key).Concat(ProfileDefaults.Create.Select(p => p.Key)).Concat(["verifier_id", "now", "max_par_length", "minimum_level"]).Distinct();
        Assert.Multiple(() =>
        {
            foreach (var name in parameters)
            {
                var verdicts = cases.Where(c => VectorClass.NonDefaultParameters(c).Contains(name)).SelectMany(Coverage.Verdicts).ToHashSet();
                Assert.That(verdicts, Does.Contain("valid"), $"{name}: no must-pass case away from the default");
                Assert.That(verdicts, Does.Contain("invalid"), $"{name}: no must-fail case away from the default");
            }
        });
    }
}
