using System.Text.Json.Nodes;
using Ect.Choices;
using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>The oracle gives the profile's answer where it fixes one, and acceptable exactly where it leaves a choice.</summary>
public sealed class OracleTests
{
    private const string Root = "00000000-0000-4000-8000-000000000001";
    private const string Wid = "11111111-1111-4111-8111-111111111111";

    [Test]
    public void AnHonestTokenMustBeAcceptedWithItsPayload()
    {
        var answer = Oracle.Ask(FuzzCases.Verify(EctDraft.Draft01, FuzzCases.Honest(EctDraft.Draft01)))!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Touched, Is.EqualTo(ProfileChoice.None));
            Assert.That(answer.Case.Expected.Single().Verdict, Is.EqualTo(ExpectedVerdict.Valid));
            Assert.That(answer.Case.Expected.Single().HasOutput("payload"), Is.True);
        });
    }

    [Test]
    public void AnExpiredTokenMustBeRejectedWithItsCode()
    {
        var token = FuzzCases.Honest(EctDraft.Draft01);
        token["payload"]!["exp"] = FuzzDefaults.Now;
        var expected = Oracle.Ask(FuzzCases.Verify(EctDraft.Draft01, token))!.Case.Expected.Single();
        Assert.That((expected.Verdict, expected.Codes), Is.EqualTo((ExpectedVerdict.Invalid, (IReadOnlyList<string>)["expired"])));
    }

    [TestCase("EXEC+JWT")]
    [TestCase("application/exec+jwt")]
    public void ATypSpellingTheProfileLeavesOpenIsAcceptable(string typ)
    {
        var token = FuzzCases.Honest(EctDraft.Draft01);
        token["header"]!["typ"] = typ;
        var answer = Oracle.Ask(FuzzCases.Verify(EctDraft.Draft01, token))!;
        Assert.Multiple(() =>
        {
            Assert.That(answer.Touched, Is.EqualTo(ProfileChoice.TypMediaTypeVariant));
            Assert.That(answer.Case.Expected.Single().Verdict, Is.EqualTo(ExpectedVerdict.Acceptable));
            Assert.That(answer.Case.Expected.Single().Codes, Is.Empty, "an open choice may be rejected with any code");
        });
    }

    [Test]
    public void ATypNearMissOutsideTheMediaTypeIsStillInvalid()
    {
        var token = FuzzCases.Honest(EctDraft.Draft01);
        token["header"]!["typ"] = "exec+jwt ";
        var expected = Oracle.Ask(FuzzCases.Verify(EctDraft.Draft01, token))!.Case.Expected.Single();
        Assert.That((expected.Verdict, expected.Codes), Is.EqualTo((ExpectedVerdict.Invalid, (IReadOnlyList<string>)["typ_invalid"])));
    }

    [Test]
    public void EveryTokenAfterAnOpenChoiceIsAcceptableAndEveryTokenBeforeItIsNot()
    {
        // The same jti after a token the profile lets either side take: its replay verdict turns on that choice.
        var first = FuzzCases.Honest(EctDraft.Draft01, jti: Root);
        var open = FuzzCases.Honest(EctDraft.Draft01, jti: "00000000-0000-4000-8000-000000000002");
        open["payload"]!["iat"] = JsonNode.Parse("1767225590.5");
        var again = FuzzCases.Honest(EctDraft.Draft01, jti: "00000000-0000-4000-8000-000000000002");
        var expected = Oracle.Ask(FuzzCases.Verify(EctDraft.Draft01, first, open, again))!.Case.Expected;
        Assert.That(expected.Select(e => e.Verdict), Is.EqualTo(new[] { ExpectedVerdict.Valid, ExpectedVerdict.Acceptable, ExpectedVerdict.Acceptable }));
    }

    [Test]
    public void ADuplicatePredecessorIsAcceptable()
    {
        var store = PayloadGenerator.Task(EctDraft.Draft01, Root, Wid, FuzzDefaults.Now - 60, []);
        var task = PayloadGenerator.Task(EctDraft.Draft01, "00000000-0000-4000-8000-000000000002", Wid, FuzzDefaults.Now, [Root, Root]);
        var answer = Oracle.Ask(FuzzCases.Dag(EctDraft.Draft01, task, store))!;
        Assert.That((answer.Touched, answer.Case.Expected.Single().Verdict), Is.EqualTo((ProfileChoice.DuplicatePredecessor, ExpectedVerdict.Acceptable)));
    }

    [TestCase(EctDraft.Draft00, ExpectedVerdict.Acceptable)]
    [TestCase(EctDraft.Draft01, ExpectedVerdict.Invalid)]
    public void ACrossWorkflowPredecessorIsOpenOnlyInMode00(EctDraft draft, ExpectedVerdict verdict)
    {
        var store = PayloadGenerator.Task(draft, Root, "22222222-2222-4222-8222-222222222222", FuzzDefaults.Now - 60, []);
        var task = PayloadGenerator.Task(draft, "00000000-0000-4000-8000-000000000002", Wid, FuzzDefaults.Now, [Root]);
        Assert.That(Oracle.Ask(FuzzCases.Dag(draft, task, store))!.Case.Expected.Single().Verdict, Is.EqualTo(verdict));
    }

    [Test]
    public void MoreAncestorsThanMaxAncestorsIsOpenEvenWhereTheReferenceNeverWalks()
    {
        // An honest chain: no stored reference can close a cycle, so the reference decides without walking it.
        var chain = Enumerable.Range(1, 4).Select(i => PayloadGenerator.Task(EctDraft.Draft01, $"00000000-0000-4000-8000-00000000000{i}", Wid, FuzzDefaults.Now - 60,
            i == 1 ? [] : [$"00000000-0000-4000-8000-00000000000{i - 1}"])).ToArray();
        var task = PayloadGenerator.Task(EctDraft.Draft01, "00000000-0000-4000-8000-000000000009", Wid, FuzzDefaults.Now, ["00000000-0000-4000-8000-000000000004"]);
        var within = FuzzCases.Dag(EctDraft.Draft01, task, chain);
        var past = within with { Recipe = within.Recipe.DeepClone().AsObject() };
        past.Recipe["options"]!["max_ancestors"] = 3;
        Assert.Multiple(() =>
        {
            Assert.That(Oracle.Ask(within)!.Case.Expected.Single().Verdict, Is.EqualTo(ExpectedVerdict.Valid));
            Assert.That(Oracle.Ask(past)!.Case.Expected.Single().Verdict, Is.EqualTo(ExpectedVerdict.Acceptable));
        });
    }

    [Test]
    public void ACaseTheReferenceCannotRunIsNoCase()
    {
        var broken = FuzzCases.Verify(EctDraft.Draft01, FuzzCases.Honest(EctDraft.Draft01));
        broken.Recipe.Remove("now");
        Assert.That(Oracle.Ask(broken), Is.Null);
    }
}
