using Ect.Conformance.Expectations;
using Ect.Conformance.Judging;
using Ect.Conformance.Runner;
using Ect.Conformance.Tests.Reports;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Expectations;

public class ExpectationTests
{
    private RunResults _results = null!;

    [OneTimeSetUp]
    public async Task RunOnce() => _results = (await MixedRun.RunAsync()).Results;

    /// <summary>The file that lists exactly the mixed run's deviations.</summary>
    private const string Accurate = """
        # known deviations of the scripted implementation
        dag::pred-not-found:
          outcome: pass-verdict
          reason: "answers unknown for DAG errors"
          issue: "https://example.org/issues/7"
        "dag::pred-after-child-beyond-skew@01": { outcome: fail, reason: no temporal check }
        dag::self-reference@01: { outcome: skipped, reason: cycles not implemented }
        dag::duplicate-pred@01: { outcome: errored, reason: crashes on duplicates }
        migrate::par-becomes-pred@01: { outcome: timeout, reason: slow }
        migrate::sub-differs@01: { outcome: crashed, reason: segfault }
        """;

    [Test]
    public void AccurateFileMatchesEveryRun()
    {
        var report = Evaluate(Accurate);
        Assert.That(report.AllAsExpected, Is.True, string.Join("\n", report.Runs.Where(r => r.Value.Status == ExpectationStatus.Unexpected).Select(r => $"{r.Key}: {r.Value.Note}")));
        Assert.That(report.Runs["dag::pred-not-found@00"].EntryKey, Is.EqualTo("dag::pred-not-found"), "a case id entry covers every mode");
        Assert.That(report.Runs["http-header::two-members@01"].Status, Is.EqualTo(ExpectationStatus.NotApplicable));
    }

    [Test]
    public void UnlistedDeviationFailsTheRun()
    {
        var report = Evaluate(Accurate.Replace("migrate::sub-differs@01: { outcome: crashed, reason: segfault }", "", StringComparison.Ordinal));
        Assert.That(report.AllAsExpected, Is.False);
        Assert.That(report.Runs["migrate::sub-differs@01"].Status, Is.EqualTo(ExpectationStatus.Unexpected));
        Assert.That(report.Runs["migrate::sub-differs@01"].Note, Is.EqualTo("crashed, not listed in the expectations"));
    }

    [Test]
    public void DifferentOutcomeThanListedFailsTheRun()
    {
        var report = Evaluate(Accurate.Replace("{ outcome: timeout, reason: slow }", "{ outcome: fail, reason: slow }", StringComparison.Ordinal));
        Assert.That(report.Runs["migrate::par-becomes-pred@01"].Status, Is.EqualTo(ExpectationStatus.Unexpected));
        Assert.That(report.Runs["migrate::par-becomes-pred@01"].Note, Does.Contain("listed as fail").And.Contain("ended timeout"));
    }

    [Test]
    public void ListedDeviationThatNowPassesFailsTheRun()
    {
        var report = Evaluate(Accurate + "\nverify::alg-none: { outcome: fail, reason: accepted none once }\n");
        Assert.That(report.Runs["verify::alg-none@01"].Status, Is.EqualTo(ExpectationStatus.Unexpected));
        Assert.That(report.Runs["verify::alg-none@01"].Note, Does.Contain("passes now").And.Contain("stale"));
        Assert.That(report.AllAsExpected, Is.False);
    }

    [Test]
    public void EntryNamingNoCaseIsStale()
    {
        var report = Evaluate(Accurate + "\n\"dag::renamed-long-ago\": { outcome: fail, reason: old }\n\"dag::root-is-valid@00\": { outcome: fail, reason: no such mode }\n");
        Assert.That(report.Stale.Select(s => s.Key), Is.EquivalentTo(new[] { "dag::renamed-long-ago", "dag::root-is-valid@00" }));
        Assert.That(report.AllAsExpected, Is.False);
    }

    [Test]
    public void RunKeyEntryWinsOverCaseIdEntry()
    {
        var report = Evaluate(Accurate + "\n\"dag::pred-not-found@01\": { outcome: fail, reason: specific }\n");
        Assert.That(report.Runs["dag::pred-not-found@01"].EntryKey, Is.EqualTo("dag::pred-not-found@01"));
        Assert.That(report.Runs["dag::pred-not-found@01"].Status, Is.EqualTo(ExpectationStatus.Unexpected));
        Assert.That(report.Runs["dag::pred-not-found@00"].Status, Is.EqualTo(ExpectationStatus.Expected));
    }

    [Test]
    public void UpdateRewritesFromTheRunKeepingReasons()
    {
        // Start from a file with one right entry, one wrong outcome, one stale entry and one for a passing run.
        var old = ExpectationFile.Parse("""
            dag::pred-not-found: { outcome: pass-verdict, reason: "answers unknown", issue: "https://example.org/7" }
            "migrate::sub-differs@01": { outcome: fail, reason: "was failing", issue: "https://example.org/8" }
            "dag::gone": { outcome: fail, reason: removed case }
            "verify::alg-none@01": { outcome: fail, reason: fixed since }
            """, "old.yaml");
        var updated = ExpectationUpdater.Rewrite(old, _results, TestFixtures.Vectors());
        Assert.Multiple(() =>
        {
            // A case deviating the same way in every mode gets one case id entry, unless the old file had run key entries for it.
            Assert.That(updated.Entries.Keys, Is.EquivalentTo(new[]
            {
                "dag::pred-not-found", "dag::pred-after-child-beyond-skew", "dag::self-reference", "dag::duplicate-pred",
                "migrate::par-becomes-pred", "migrate::sub-differs@01",
            }));
            Assert.That(updated.Entries["dag::pred-not-found"], Is.EqualTo(new Expectation(Outcome.PassVerdict, "answers unknown", "https://example.org/7")));
            Assert.That(updated.Entries["migrate::sub-differs@01"], Is.EqualTo(new Expectation(Outcome.Crashed, ExpectationFile.TodoReason, "https://example.org/8")));
            Assert.That(updated.Entries["dag::self-reference"], Is.EqualTo(new Expectation(Outcome.Skipped, ExpectationFile.TodoReason)));
        });

        // What it writes reads back the same, and matches the run it came from.
        var reread = ExpectationFile.Parse(updated.Serialize("header line\nsecond line"), "new.yaml");
        Assert.That(reread.Entries, Is.EquivalentTo(updated.Entries));
        var held = ExpectationEvaluator.Evaluate(reread, _results, TestFixtures.Vectors());
        Assert.That(held.UnexpectedCount, Is.Zero);
        Assert.That(held.Stale, Is.Empty);

        // ... but the entries it could not explain keep the run failing until someone gives a reason.
        Assert.That(held.Unexplained, Is.EquivalentTo(new[] { "dag::self-reference", "migrate::sub-differs@01" }.Concat(
            updated.Entries.Where(e => e.Value.Reason == ExpectationFile.TodoReason).Select(e => e.Key)).Distinct()));
        Assert.That(held.AllAsExpected, Is.False);
    }

    [Test]
    public void UpdateKeepsEntriesOfCasesNotRun()
    {
        var old = ExpectationFile.Parse("\"verify::alg-none@01\": { outcome: fail, reason: kept while filtered out }\n", "old.yaml");
        var filtered = _results with { Runs = _results.Runs.Where(r => r.Run.Case.Topic == "dag").ToList() };
        var updated = ExpectationUpdater.Rewrite(old, filtered, TestFixtures.Vectors());
        Assert.That(updated.Entries["verify::alg-none@01"].Reason, Is.EqualTo("kept while filtered out"));
        Assert.That(updated.Entries.Keys, Has.None.StartWith("migrate::"));
    }

    [Test]
    public void EmptyAndCommentOnlyFilesHoldNoEntries()
    {
        Assert.That(ExpectationFile.Parse("", "e.yaml").Entries, Is.Empty);
        Assert.That(ExpectationFile.Parse("# nothing yet\n\n", "e.yaml").Entries, Is.Empty);
        Assert.That(ExpectationFile.Parse("{}\n", "e.yaml").Entries, Is.Empty);
        Assert.That(ExpectationFile.Empty.Serialize("h"), Is.EqualTo("# h\n{}\n"));
    }

    [TestCase("- a\n", "is a mapping", TestName = "A list is not an expectations file")]
    [TestCase("a::b: { outcome: broken, reason: x }\n", "outcome must be one of", TestName = "Unknown outcome")]
    [TestCase("a::b: { outcome: pass, reason: x }\n", "remove the entry", TestName = "Pass is never listed")]
    [TestCase("a::b: { outcome: fail }\n", "reason must be", TestName = "Reason is required")]
    [TestCase("a::b: { outcome: fail, reason: x, why: z }\n", "unknown member \"why\"", TestName = "Unknown member")]
    [TestCase("a::b: { outcome: fail, reason: yes }\n", "quote it", TestName = "Strict YAML")]
    [TestCase("a::b: { outcome: fail, reason: x }\na::b: { outcome: fail, reason: y }\n", "uplicate", TestName = "Duplicate key")]
    public void BadFilesAreRejectedNamingTheProblem(string yaml, string message)
    {
        var e = Assert.Throws<FormatException>(() => ExpectationFile.Parse(yaml, "bad.yaml"));
        Assert.That(e!.Message, Does.Contain(message).And.Contain("bad.yaml"));
    }

    [Test]
    public void WrittenFilesMatchTheExpectationsSchema()
    {
        var file = ExpectationUpdater.Rewrite(ExpectationFile.Empty, _results, TestFixtures.Vectors());
        var json = Ect.Conformance.Cases.YamlJson.Parse(file.Serialize("x"), "x.yaml");
        SchemaValidator.AssertValid("expectations.schema.json", json);
    }

    private ExpectationReport Evaluate(string yaml) =>
        ExpectationEvaluator.Evaluate(ExpectationFile.Parse(yaml, "expectations.yaml"), _results, TestFixtures.Vectors(), "expectations.yaml");
}
