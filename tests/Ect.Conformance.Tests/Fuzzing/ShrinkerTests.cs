using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>The shrinker keeps the disagreement and drops everything else it can.</summary>
public sealed class ShrinkerTests
{
    [Test]
    public async Task ADisagreementIsShrunkToItsOneTokenAndFewClaims()
    {
        // Three tokens and a store; only the middle token carries the slip's marker and is expired.
        var marked = FuzzCases.Honest(EctDraft.Draft01, jti: "00000000-0000-4000-8000-000000000002");
        marked["payload"]!["x-marker"] = "a long value that the shrinker halves";
        marked["payload"]!["wid"] = "11111111-1111-4111-8111-111111111111";
        marked["payload"]!["com.example.trace"] = "t-1";
        marked["payload"]!["exp"] = FuzzDefaults.Now - 1;
        marked["payload"]!["iat"] = FuzzDefaults.Now - 100;
        var generated = FuzzCases.Verify(EctDraft.Draft01,
            [PayloadGenerator.Task(EctDraft.Draft01, "00000000-0000-4000-8000-0000000000ff", null, FuzzDefaults.Now - 60, [])],
            FuzzCases.Honest(EctDraft.Draft01, jti: "00000000-0000-4000-8000-000000000001"),
            marked,
            FuzzCases.Honest(EctDraft.Draft01, jti: "00000000-0000-4000-8000-000000000003"));
        await using var slip = ReferenceWithSlip.Marked("x-marker");
        var start = (await Ask(generated, slip))!;
        Assert.That(start.Key, Is.Not.Null, "the slip disagrees on the generated case");

        var result = await Shrinker.ShrinkAsync(start, (c, _) => Ask(c, slip), 2000, CancellationToken.None);

        var recipe = result.Case.Recipe;
        var payload = recipe["tokens"]![0]!["payload"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(result.Probe.Key, Is.EqualTo(start.Key), "the same disagreement");
            Assert.That(recipe["tokens"]!.AsArray(), Has.Count.EqualTo(1), "the other tokens are gone");
            Assert.That(recipe["store"]?.AsArray() ?? [], Is.Empty, "the store entry is gone");
            // Every required claim stays (without one the reference's code would change), with the marker and nothing else.
            Assert.That(payload.Select(p => p.Key), Is.EquivalentTo(new[] { "iss", "aud", "iat", "exp", "jti", "exec_act", "pred", "x-marker" }));
            Assert.That(payload["iss"]!.GetValue<string>(), Has.Length.EqualTo(1), "strings are halved down to one character");
            Assert.That(payload["x-marker"]!.GetValue<string>(), Has.Length.EqualTo(1), "the marker's value is halved down to one character");
            Assert.That(result.Steps, Is.GreaterThan(3));
        });
    }

    [Test]
    public void EveryCandidateIsOneStepSmaller()
    {
        var generated = FuzzCases.Verify(EctDraft.Draft01, FuzzCases.Honest(EctDraft.Draft01));
        var size = generated.Recipe.ToJsonString().Length;
        var candidates = Shrinker.Candidates(generated.Recipe).ToList();
        Assert.That(candidates, Is.Not.Empty);
        Assert.That(candidates.Select(c => c.ToJsonString().Length), Has.All.LessThan(size));
        Assert.That(generated.Recipe.ToJsonString().Length, Is.EqualTo(size), "the recipe itself is never changed");
    }

    private static async Task<Probe?> Ask(FuzzCase fuzzCase, ReferenceWithSlip implementation)
    {
        var answer = Oracle.Ask(fuzzCase);
        if (answer is null)
        {
            return null;
        }

        var run = new CaseRun(answer.Case, fuzzCase.Draft);
        var reply = await implementation.RunAsync(1, run.ToRequestCase(), TimeSpan.FromSeconds(5), CancellationToken.None);
        var judgement = Judge.Evaluate(answer.Case, reply);
        return new Probe(fuzzCase, answer, judgement, Disagreements.Classify(answer.Case, judgement));
    }
}
