using Ect.Errors;
using Ect.Fuzz.Fixtures;
using Ect.Fuzz.Oracles;
using Ect.Fuzz.Seeds;

namespace Ect.Fuzz.Tests;

/// <summary>
/// The hand-built seeds only help the fuzzer if they reach the paths they are named after: each
/// must end in its verdict against the store fixture, so that a change of the engine or the
/// fixture that makes them all fail early is noticed here, not as a drop in coverage.
/// </summary>
public class FixtureTests
{
    [TestCase("valid-01-child", EctDraft.Draft01, null)]
    [TestCase("valid-00-child", EctDraft.Draft00, null)]
    [TestCase("valid-01-root-no-wid", EctDraft.Draft01, null)]
    [TestCase("legacy-typ-in-01", EctDraft.Draft01, null)]
    [TestCase("rich-01", EctDraft.Draft01, null)]
    [TestCase("rich-00", EctDraft.Draft00, null)]
    [TestCase("unsigned-level-1", EctDraft.Draft01, null)]
    [TestCase("cycle", EctDraft.Draft01, EctErrorCode.DagCycle)]
    [TestCase("pred-not-found", EctDraft.Draft01, EctErrorCode.DagPredNotFound)]
    [TestCase("workflow-mismatch", EctDraft.Draft01, EctErrorCode.DagWorkflowMismatch)]
    [TestCase("duplicate-jti", EctDraft.Draft01, EctErrorCode.DagDuplicateJti)]
    [TestCase("temporal-order", EctDraft.Draft01, EctErrorCode.DagTemporalOrder)]
    [TestCase("alg-none", EctDraft.Draft01, EctErrorCode.AlgNotAllowed)]
    [TestCase("crit", EctDraft.Draft01, EctErrorCode.CritUnsupported)]
    [TestCase("kid-agent-b", EctDraft.Draft01, EctErrorCode.SignatureInvalid)]
    [TestCase("kid-rsa", EctDraft.Draft01, EctErrorCode.KeyUnknown)]
    [TestCase("kid-p384", EctDraft.Draft01, EctErrorCode.KeyUnknown)]
    [TestCase("signature-zero-r", EctDraft.Draft01, EctErrorCode.SignatureInvalid)]
    [TestCase("duplicate-member", EctDraft.Draft01, EctErrorCode.Malformed)]
    public void SampleTokenReachesItsVerdict(string name, EctDraft draft, EctErrorCode? expected)
    {
        var token = SampleTokens.Tokens().Single(t => t.Name == name).Token;

        var result = VerifyOnce.Run(draft, token, Scenario.Options, out _);

        Assert.That(result.Error?.Code, Is.EqualTo(expected), result.ToString());
    }

    [Test]
    public void DagModelAgreesWithTheHandBuiltDagSeeds()
    {
        // The DAG target throws when engine and model disagree; every hand-built seed must pass it.
        var target = FuzzTargets.Find("dag")!;
        foreach (var seed in DagSeeds.For(SeedSource.Empty))
        {
            Assert.DoesNotThrow(() => target.Run(seed.Data), seed.Name);
        }
    }
}
