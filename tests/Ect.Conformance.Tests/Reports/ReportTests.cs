using System.Text.Json.Nodes;
using System.Xml.Linq;
using Ect.Conformance.Expectations;
using Ect.Conformance.Judging;
using Ect.Conformance.Reports;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Reports;

public class ReportTests
{
    private ConformanceReport _report = null!;

    [OneTimeSetUp]
    public async Task RunOnce()
    {
        var (suite, results) = await MixedRun.RunAsync();
        _report = ConformanceReport.WithoutExpectations(results, suite);
    }

    [Test]
    public void EveryOutcomeOccursInTheMixedRun() =>
        Assert.That(_report.Results.Runs.Select(r => r.Outcome).Distinct(), Is.EquivalentTo(Enum.GetValues<Outcome>()));

    [Test]
    public void ConformanceIsCountedTwice()
    {
        var c = _report.Summary.Overall;
        Assert.Multiple(() =>
        {
            Assert.That(c[Outcome.PassVerdict], Is.EqualTo(2));
            Assert.That(c.Judged, Is.EqualTo(c.Total - c[Outcome.Skipped]));
            Assert.That(c.VerdictConformance, Is.EqualTo((double)(c[Outcome.Pass] + 2) / c.Judged));
            Assert.That(c.DiagnosisConformance, Is.EqualTo((double)c[Outcome.Pass] / c.Judged));
            Assert.That(_report.ExitCode, Is.EqualTo(1));
            // Not declared is neither a pass nor a failure.
            Assert.That(_report.NotApplicable.Select(r => r.Run.Key), Is.EqualTo(new[] { "http-header::two-members@01" }));
            Assert.That(_report.Unexpected.Count(), Is.EqualTo(c.Total - c[Outcome.Pass] - 1));
        });
    }

    [Test]
    public void ResultsDocumentMatchesItsSchema()
    {
        var json = ResultsDocument.ToJson(_report);
        SchemaValidator.AssertValid("results.schema.json", SchemaValidator.Parse(json.ToJsonString()));
        var run = json["runs"]!.AsArray().Single(r => r!["key"]!.GetValue<string>() == "dag::pred-after-child-beyond-skew@01")!;
        Assert.Multiple(() =>
        {
            Assert.That(json["schema_version"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(json["suite"]!["hash"]!.GetValue<string>(), Does.StartWith("sha-256:"));
            Assert.That(json["implementation"]!["name"]!.GetValue<string>(), Is.EqualTo("scripted"));
            Assert.That(json["run_info"]!["runtime"]!.GetValue<string>(), Does.Contain(".NET"));
            Assert.That(run["outcome"]!.GetValue<string>(), Is.EqualTo("fail"));
            Assert.That(run["rules"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "DAG-3" }));
            Assert.That(run["expected"]!["error"]!.GetValue<string>(), Is.EqualTo("dag_temporal_order"));
            Assert.That(run["actual"]![0]!["result"]!.GetValue<string>(), Is.EqualTo("valid"));
            Assert.That(run["detail"]!.GetValue<string>(), Does.Contain("expected invalid"));
            Assert.That(run["expectation"]!["status"]!.GetValue<string>(), Is.EqualTo("unexpected"));
        });
    }

    [Test]
    public void ResultsDocumentRoundTripsThroughCompare()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ect-results-{Guid.NewGuid():N}.json");
        try
        {
            ResultsDocument.Write(_report, path);
            var outcomes = ResultsDocument.ReadOutcomes(path);
            Assert.That(outcomes, Is.EquivalentTo(_report.Results.Runs.ToDictionary(r => r.Run.Key, r => r.Outcome)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void JUnitHasOneTestCasePerRun()
    {
        var xml = XDocument.Parse(JUnitReport.ToXml(_report).ToString());
        var cases = xml.Descendants("testcase").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cases, Has.Count.EqualTo(_report.Results.Runs.Count));
            Assert.That(cases.Select(c => c.Attribute("name")!.Value), Is.EquivalentTo(_report.Results.Runs.Select(r => r.Run.Key)));
            var failure = cases.Single(c => c.Attribute("name")!.Value == "dag::pred-after-child-beyond-skew@01").Element("failure")!;
            Assert.That(failure.Attribute("type")!.Value, Is.EqualTo("fail"));
            Assert.That(failure.Value, Does.Contain("expected: invalid dag_temporal_order").And.Contain("actual: valid"));
            Assert.That(cases.Single(c => c.Attribute("name")!.Value == "migrate::par-becomes-pred@01").Element("error")!.Attribute("type")!.Value, Is.EqualTo("timeout"));
            Assert.That(cases.Single(c => c.Attribute("name")!.Value == "http-header::two-members@01").Element("skipped"), Is.Not.Null);
            Assert.That(cases.Single(c => c.Attribute("name")!.Value == "dag::root-is-valid@01").Elements(), Is.Empty);
            Assert.That(int.Parse(xml.Root!.Attribute("tests")!.Value), Is.EqualTo(cases.Count));
        });
    }

    [Test]
    public void HtmlIsSelfContainedWithTheRuleTableAndEveryFailureExplained()
    {
        var html = HtmlReport.Render(_report);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Not.Contain("<script src").And.Not.Contain("<link").And.Not.Contain("src="));
            Assert.That(html, Does.Contain("<h2 id=\"rules\">By rule and mode</h2>"));
            Assert.That(html, Does.Contain("<tr><td><a class=\"rule-link\" href=\"#rule-dag-2\">DAG-2</a></td><td class=\"l\">00</td>").And.Contain("<tr><td><a class=\"rule-link\" href=\"#rule-dag-2\">DAG-2</a></td><td class=\"l\">01</td>"));
            Assert.That(html, Does.Contain("<th>pass-verdict</th>"));
            foreach (var run in _report.Unexpected)
            {
                Assert.That(html, Does.Contain($"id=\"{run.Run.Key}\""), run.Run.Key);
                Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(run.Run.Case.Description)), run.Run.Key);
            }

            // Harness text is escaped, never markup.
            Assert.That(html, Does.Contain("KeyError &#39;pred&#39; &lt;script&gt;"));
            Assert.That(html, Does.Contain("verdict conformance"));
        });
    }

    [Test]
    public void MarkdownHasSummaryTablesAndFailures()
    {
        var md = MarkdownReport.Render(_report);
        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("## Summary").And.Contain("## By topic").And.Contain("## By rule").And.Contain("## Unexpected results"));
            Assert.That(md, Does.Contain("**Verdict conformance"));
            Assert.That(md, Does.Contain("### `dag::pred-after-child-beyond-skew@01`: fail, accepted forgery"));
            Assert.That(md, Does.Contain("| [DAG-2](profile.md#dag-2) | 2 | 0 | 2 |"));
        });
    }

    [Test]
    public void TextSummaryNamesEveryUnexpectedRun()
    {
        var text = TextReport.Render(_report);
        foreach (var run in _report.Unexpected)
        {
            Assert.That(text, Does.Contain(run.Run.Key));
        }

        Assert.That(text, Does.Contain("expected: invalid dag_temporal_order").And.Contain("actual:   valid"));
        Assert.That(text, Does.Contain("message:  cannot tell"));
    }

    [Test]
    public void KnownDeviationsAreListedNotFailed()
    {
        var file = new ExpectationFile(_report.Results.Runs.Where(r => r.Declared && r.Outcome != Outcome.Pass)
            .ToDictionary(r => r.Run.Key, r => new Expectation(r.Outcome, $"because {r.Run.Key}", "https://example.org/issue/1")));
        var report = new ConformanceReport(_report.Results, ExpectationEvaluator.Evaluate(file, _report.Results, TestFixtures.Vectors(), "x.yaml"));
        Assert.That(report.ExitCode, Is.Zero);
        Assert.That(HtmlReport.Render(report), Does.Contain("Known deviations (").And.Contain("https://example.org/issue/1"));
        Assert.That(MarkdownReport.Render(report), Does.Contain("## Known deviations"));
        Assert.That(JUnitReport.ToXml(report).Descendants("failure"), Is.Empty);
        SchemaValidator.AssertValid("results.schema.json", SchemaValidator.Parse(ResultsDocument.ToJson(report).ToJsonString()));
    }
}
