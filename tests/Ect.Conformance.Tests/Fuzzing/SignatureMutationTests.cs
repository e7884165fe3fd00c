using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// A token changed after signing inside its signature is signed afresh every time it is rendered,
/// and ECDSA signatures differ from run to run; the change must still do the same thing every
/// time, so that a seed replays the same answers (and the same count of cases the profile leaves open).
/// </summary>
public sealed class SignatureMutationTests
{
    private const int Renderings = 6;

    [Test]
    public void AChangeInsideTheSignatureGetsTheSameAnswerEveryTimeItIsSigned()
    {
        var generator = new CaseGenerator([CaseOperation.Verify], []);
        var checkedCases = 0;
        var ops = new HashSet<string>(StringComparer.Ordinal);
        for (long index = 0; index < 16_000 && checkedCases < 100; index++)
        {
            var drawn = generator.Generate(new Random(FuzzCampaign.CaseSeed(11, index)), CaseGenerator.CaseId(CaseOperation.Verify, 11, index));
            if (!Signatures.DependsOnTheSignature(drawn.Recipe))
            {
                continue;
            }

            checkedCases++;
            ops.UnionWith(drawn.Recipe.ToJsonString().Split("\"op\":\"").Skip(1).Select(tail => tail[..tail.IndexOf('"', StringComparison.Ordinal)]));
            var answers = Enumerable.Range(0, Renderings).Select(_ => Answer(drawn)).ToList();
            Assert.That(answers.Distinct(StringComparer.Ordinal).ToList(), Has.Count.EqualTo(1), $"case {index} ({drawn.What.Description}): {drawn.Recipe.ToJsonString()}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(checkedCases, Is.EqualTo(100), "enough cases change a signature");
            Assert.That(ops, Is.SupersetOf(new[] { "replace", "truncate" }), "the two changes whose effect could turn on the signature's characters");
        });
    }

    private static string Answer(FuzzCase drawn)
    {
        var answer = Oracle.Ask(drawn);
        return answer is null ? "no case" : Signatures.WithoutSignatures(answer.Case.ExpectedJson())!.ToJsonString() + " " + answer.Touched;
    }
}
