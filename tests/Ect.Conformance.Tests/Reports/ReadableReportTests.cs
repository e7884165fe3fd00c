using System.Text.RegularExpressions;
using Ect.Conformance.Cases;
using Ect.Conformance.Reports;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Tests.Reports;

/// <summary>What a reader of a failing run needs from each report: worst first, bug types, inputs, rule texts, working links.</summary>
public partial class ReadableReportTests
{
    private const string Forgery = "dag::pred-after-child-beyond-skew@01";
    private const string DiagnosisOnly = "dag::pred-not-found@01";

    private const string Notes = """
        flags:
          "TemporalForgery":
            bug_type: "AUTH_BYPASS"
            description: "A predecessor issued after its child."
            effect: "Anyone can back-date a task's dependencies."
            links:
              - "https://example.org/notes/temporal"
        """;

    private ConformanceReport _report = null!;

    [GeneratedRegex("href=\"#(rule-[a-z0-9-]+)\"")]
    private static partial Regex RuleHref();

    [OneTimeSetUp]
    public async Task RunOnce()
    {
        var (suite, results) = await MixedRun.RunAsync();
        // The accepted forgery carries a flag whose note is an AUTH_BYPASS, as the corpus's alg-none cases do.
        var flagged = results with
        {
            Runs = results.Runs.Select(r => r.Run.Key == Forgery ? r with { Run = r.Run with { Case = r.Run.Case with { Flags = ["TemporalForgery"] } } } : r).ToList(),
            Implementation = results.Implementation! with { Homepage = "harnesses/python/README.md" },
        };
        _report = new ConformanceReport(flagged, ConformanceReport.WithoutExpectations(flagged, suite).Expectations) { Notes = FlagNotes.Parse(Notes) };
    }

    [Test]
    public void FailureKindsOrderTheUnexpectedRuns()
    {
        var kinds = _report.UnexpectedWorstFirst.Select(FailureKinds.Of).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(kinds, Is.Ordered);
            Assert.That(_report.UnexpectedWorstFirst[0].Run.Key, Is.EqualTo(Forgery));
            Assert.That(FailureKinds.Of(_report.UnexpectedWorstFirst.Single(r => r.Run.Key == DiagnosisOnly)), Is.EqualTo(FailureKind.DiagnosisOnly));
            Assert.That(kinds, Does.Contain(FailureKind.Broken));
            Assert.That(_report.BugTypes(_report.UnexpectedWorstFirst[0]), Is.EqualTo(new[] { "AUTH_BYPASS" }));
        });
    }

    [Test]
    public void HtmlHasContentsFiltersAndFailuresWorstFirst()
    {
        var html = HtmlReport.Render(_report);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<nav class=\"toc\" id=\"contents\">").And.Contain("href=\"#failures\"").And.Contain("href=\"#profile-rules\""));
            Assert.That(html, Does.Contain("<form id=\"filters\"").And.Contain("<select name=\"outcome\">").And.Contain("<select name=\"rule\">"));
            // Works offline: the script is inline, nothing is fetched.
            Assert.That(html, Does.Contain("<script>(function").And.Not.Contain("<script src").And.Not.Contain("<link").And.Not.Contain("src="));
            Assert.That(html.IndexOf($"id=\"{Forgery}\"", StringComparison.Ordinal), Is.LessThan(html.IndexOf($"id=\"{DiagnosisOnly}\"", StringComparison.Ordinal)));
            Assert.That(html.IndexOf("id=\"fail-dag-3\"", StringComparison.Ordinal), Is.LessThan(html.IndexOf("id=\"fail-dag-2\"", StringComparison.Ordinal)), "the group holding the forgery comes first");
            Assert.That(html, Does.Contain($"data-key=\"{Forgery}\" data-kind=\"accepted-forgery\" data-outcome=\"fail\" data-rule=\"DAG-3\" data-mode=\"01\""));
            Assert.That(html, Does.Contain("<span class=\"badge AUTH_BYPASS\">AUTH_BYPASS</span>").And.Contain("Anyone can back-date a task&#39;s dependencies."));
        });
    }

    [Test]
    public void HtmlShowsEachFailuresInput()
    {
        var html = HtmlReport.Render(_report);
        var entry = Entry(html, Forgery);
        Assert.Multiple(() =>
        {
            // The fixture's options are the profile defaults, so none are listed; the store and payload are.
            Assert.That(entry, Does.Contain("<dt>options (differing from the profile defaults)</dt><dd><pre>none</pre>"));
            Assert.That(entry, Does.Contain("<dt>store</dt>").And.Contain("66666666-6666-4666-8666-666666666666"));
            Assert.That(entry, Does.Contain("<dt>payload</dt>").And.Contain("&quot;exec_act&quot;: &quot;second&quot;"));
        });
    }

    [Test]
    public void HtmlTablesLinkToTheirFailuresAndRulesToTheirText()
    {
        var html = HtmlReport.Render(_report);
        var ruleTargets = RuleHref().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<a href=\"#failures?rule=DAG-3&amp;mode=01&amp;outcome=fail\">1</a>"));
            Assert.That(html, Does.Contain("<a href=\"#failures?topic=dag\">"));
            Assert.That(html, Does.Contain("<dt id=\"rule-dag-3\">DAG-3</dt><dd>"));
            Assert.That(ruleTargets, Does.Contain("rule-dag-3"));
            foreach (var target in ruleTargets)
            {
                Assert.That(html, Does.Contain($"id=\"{target}\""), target);
            }

            // The text is the placeholder profile's DAG-3 bullet.
            Assert.That(html, Does.Contain("<code>dag_temporal_order</code>"));
            // A homepage that is a path in a repository is shown, not linked.
            Assert.That(html, Does.Contain(", harnesses/python/README.md</dd>").And.Not.Contain("href=\"harnesses/python/README.md\""));
        });
    }

    [Test]
    public void HomepageUrlIsALink() =>
        Assert.That(Html.LinkIfUrl("https://example.org/ect"), Is.EqualTo("<a href=\"https://example.org/ect\">https://example.org/ect</a>"));

    [Test]
    public void MarkdownLinksRulesToTheProfileAndListsTheForgeryFirst()
    {
        var md = MarkdownReport.Render(_report);
        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("| [DAG-3](profile.md#dag-3) |"));
            Assert.That(md, Does.Contain($"### `{Forgery}`: fail, accepted forgery (AUTH_BYPASS)"));
            Assert.That(md, Does.Contain("- bug type: **AUTH_BYPASS** (flag TemporalForgery): Anyone can back-date"));
            Assert.That(md.IndexOf(Forgery, StringComparison.Ordinal), Is.LessThan(md.IndexOf(DiagnosisOnly, StringComparison.Ordinal)));
        });
    }

    [Test]
    public void TextShowsBugTypesAndTheForgeryFirst()
    {
        var text = TextReport.Render(_report);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("1 ACCEPTED FORGERY listed first"));
            Assert.That(text, Does.Contain($"FAIL {Forgery}  [DAG-3]  ACCEPTED FORGERY, AUTH_BYPASS"));
            Assert.That(text, Does.Contain("bug:      AUTH_BYPASS (TemporalForgery): Anyone can back-date"));
            Assert.That(text.IndexOf(Forgery, StringComparison.Ordinal), Is.LessThan(text.IndexOf(DiagnosisOnly, StringComparison.Ordinal)));
        });
    }

    [Test]
    public void ReportFolderHoldsTheProfileReportMdLinksTo()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ect-reports-{Guid.NewGuid():N}");
        try
        {
            Ect.Conformance.Cli.RunCommand.WriteReports(_report, dir);
            var profile = File.ReadAllText(Path.Combine(dir, "profile.md"));
            var links = Regex.Matches(File.ReadAllText(Path.Combine(dir, "report.md")), @"\(profile\.md#([a-z0-9-]+)\)").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.That(links, Is.Not.Empty);
            Assert.That(links.Where(a => ProfileRules.Parse(profile).Text(a) is not null), Does.Contain("dag-3"));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Test]
    public void ProfileRuleTextIsTheBlockAfterItsAnchor()
    {
        var profile = ProfileRules.Parse("# P\n\n<a id=\"dag-3\"></a>\n- **DAG-3** first line\n  continued `code`.\n\nNext paragraph.\n<a id=\"sig-5\"></a>\n\nSignature rule.\n## Heading\n");
        Assert.Multiple(() =>
        {
            Assert.That(profile.Text("DAG-3"), Is.EqualTo("- **DAG-3** first line continued `code`."));
            Assert.That(profile.Text("SIG-5"), Is.EqualTo("Signature rule."));
            Assert.That(profile.Text("LVL-9"), Is.Null);
            Assert.That(ProfileRules.Embedded.Text("DAG-3"), Does.Contain("dag_temporal_order"));
        });
    }

    [Test]
    public void ChangedOptionsAreThoseOffTheProfileDefaults()
    {
        var options = System.Text.Json.Nodes.JsonNode.Parse("{\"verifier_id\":\"v\",\"iat_max_age\":900,\"exp_leeway\":5}")!.AsObject();
        Assert.That(CaseInputView.ChangedOptions(CaseOperation.Verify, options).ToJsonString(), Is.EqualTo("{\"verifier_id\":\"v\",\"exp_leeway\":5}"));
    }

    private static string Entry(string html, string key)
    {
        var start = html.IndexOf($"<div class=\"run accepted-forgery\" id=\"{key}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), key);
        return html[start..html.IndexOf("</div>\n", start, StringComparison.Ordinal)];
    }
}
