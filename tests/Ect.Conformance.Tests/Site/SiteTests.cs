using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ect.Conformance.Expectations;
using Ect.Conformance.Judging;
using Ect.Conformance.Site;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Site;

/// <summary>The results site built from real results documents: its numbers, its anomaly lists, its JSON and its links.</summary>
[Parallelizable(ParallelScope.All)]
public partial class SiteTests
{
    private SiteFixture _fixture = null!;
    private string _site = null!;
    private SiteData _data = null!;

    [GeneratedRegex("\\s(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex Id();

    [OneTimeSetUp]
    public async Task BuildSite()
    {
        _fixture = await SiteFixture.CreateAsync();
        _site = Path.Combine(_fixture.Dir, "site");
        // Newest first on purpose: the history must come out ordered by start time, not by argument order.
        _data = new SiteData([ResultsFile.Load(_fixture.Lax), ResultsFile.Load(_fixture.Reference), ResultsFile.Load(_fixture.LaxEarlier)], SiteFixture.Corpus());
        SiteBuilder.Build(_data, _site);
    }

    [OneTimeTearDown]
    public void RemoveSite() => _fixture.Dispose();

    [Test]
    public void EveryInternalLinkAndAnchorResolves()
    {
        var pages = Directory.EnumerateFiles(_site, "*.html", SearchOption.AllDirectories).ToList();
        var (broken, checkedLinks) = BrokenLinks(_site);
        Assert.That(broken, Is.Empty);
        // Index, two implementation pages, a page per case, topic and rule: every one of them links.
        Assert.That(pages, Has.Count.EqualTo(1 + 2 + _data.Cases.Count + _data.Topics.Count + _data.Rules.Count));
        Assert.That(checkedLinks, Is.GreaterThan(pages.Count * 5));
    }

    [Test]
    public void TheLinkCheckFindsMissingFilesAnchorsAndExternalAssets()
    {
        var dir = Directory.CreateTempSubdirectory("ect-links-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.html"), "<p id=\"here\"><a href=\"#here\">ok</a> <a href=\"b.html#there\">ok</a> <a href=\"b.html#gone\">x</a> <a href=\"c.html\">x</a> <img src=\"https://example.org/x.png\"></p>");
            File.WriteAllText(Path.Combine(dir, "b.html"), "<h2 id=\"there\">b</h2>");
            var (broken, checkedLinks) = BrokenLinks(dir);
            Assert.That(checkedLinks, Is.EqualTo(5));
            Assert.That(broken, Has.Count.EqualTo(3));
            Assert.That(broken, Has.Some.Contains("b.html#gone (no such anchor)").And.Some.Contains("c.html (no file)").And.Some.Contains("external"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every href and src of every page under <paramref name="root"/> that names no existing file, no existing anchor, or anything off the site.</summary>
    private static (List<string> Broken, int Checked) BrokenLinks(string root)
    {
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).ToList();
        var ids = pages.ToDictionary(p => Path.GetFullPath(p), p => Id().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal));
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            foreach (var href in Link().Matches(File.ReadAllText(page)).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                checkedLinks++;
                if (href.Contains("://", StringComparison.Ordinal) || href.StartsWith("//", StringComparison.Ordinal))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)}: external {href} (the site must work offline)");
                    continue;
                }

                var hash = href.IndexOf('#', StringComparison.Ordinal);
                var file = hash < 0 ? href : href[..hash];
                var target = file.Length == 0 ? Path.GetFullPath(page) : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(file)));
                if (!File.Exists(target))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)}: {href} (no file)");
                }
                else if (hash >= 0 && !(ids.TryGetValue(target, out var anchors) && anchors.Contains(href[(hash + 1)..])))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)}: {href} (no such anchor)");
                }
            }
        }

        return (broken, checkedLinks);
    }

    [Test]
    public void ScoresAreTheRunnersOwn()
    {
        foreach (var path in new[] { _fixture.Lax, _fixture.Reference })
        {
            var summary = JsonNode.Parse(File.ReadAllText(path))!["summary"]!;
            var score = Score.Of(ResultsFile.Load(path).Runs);
            Assert.That(score.Judged, Is.EqualTo(summary["judged"]!.GetValue<int>()), path);
            Assert.That(score.Verdict, Is.EqualTo(summary["verdict_conformance"]!.GetValue<double>()), path);
            Assert.That(score.Diagnosis, Is.EqualTo(summary["diagnosis_conformance"]!.GetValue<double>()), path);
        }

        var lax = Score.Of(ResultsFile.Load(_fixture.Lax).Runs);
        Assert.That((lax.Pass, lax.PassVerdict, lax.Fail, lax.Skipped, lax.UnexpectedAccepts), Is.EqualTo((lax.Judged - 3, 2, 1, 1, 1)), "two modes of the vague case");
        Assert.That(Score.Percent(0.99999), Is.EqualTo("99.9%"), "never rounded up to a perfect score");
    }

    [Test]
    public void ForgeriesAreCountedApartAndListedFirst()
    {
        var lax = ResultsFile.Load(_fixture.Lax).Runs;
        Assert.That(lax.Where(r => r.IsUnexpectedAccept).Select(r => r.Key), Is.EqualTo(new[] { SiteFixture.Forgery }));
        Assert.That(lax.Single(r => r.Key == SiteFixture.Vague).IsUnexpectedAccept, Is.False, "a vague code is a right verdict");

        var page = File.ReadAllText(Path.Combine(_site, SitePaths.Implementation(_data.Histories.Single(h => h.Name == "scripted"))));
        var accepted = page.IndexOf("Accepted forgeries (1)", StringComparison.Ordinal);
        Assert.That(accepted, Is.GreaterThan(0));
        Assert.That(page.IndexOf($"id=\"{SitePaths.RunAnchor(SiteFixture.Forgery)}\"", StringComparison.Ordinal), Is.GreaterThan(accepted));
        Assert.That(page.IndexOf(BugTypes.Unclassified + " (2)", StringComparison.Ordinal), Is.GreaterThan(accepted), "the vague code, grouped by its (missing) bug type after the forgeries");
        Assert.That(page, Does.Contain("alg_not_allowed").And.Contain("eyJhbGciOiJub25l"), "the expected answer and the case's input");

        var index = File.ReadAllText(Path.Combine(_site, SitePaths.Index));
        Assert.That(index, Does.Contain("1 accepted").And.Contain("scripted").And.Contain("ect-conformance-reference"));
    }

    [Test]
    public void ExpectationEntriesReadBackAsTheOutcomesTheyRecord()
    {
        var anomalies = ResultsFile.Load(_fixture.Lax).Runs.Where(r => r.IsAnomaly).ToList();
        var yaml = string.Join('\n', anomalies.Select(ExpectationEntry.Yaml));
        var file = ExpectationFile.Parse(yaml, "copied.yaml");
        Assert.That(file.Entries.Keys, Is.EquivalentTo(anomalies.Select(r => r.Key)));
        Assert.That(file.Entries[SiteFixture.Forgery].Outcome, Is.EqualTo(Outcome.Fail));
        Assert.That(file.Entries[SiteFixture.Declined].Outcome, Is.EqualTo(Outcome.Skipped));
        Assert.That(file.Entries[SiteFixture.Forgery].Reason, Does.Contain("got valid"));
    }

    [Test]
    public void HistoryIsInStartOrderAndDrawn()
    {
        var history = _data.Histories.Single(h => h.Name == "scripted");
        Assert.That(history.Runs.Select(r => r.Path), Is.EqualTo(new[] { _fixture.LaxEarlier, _fixture.Lax }));
        Assert.That(history.Latest.Path, Is.EqualTo(_fixture.Lax));
        var chart = TrendChart.Svg(history.Runs);
        Assert.That(Regex.Count(chart, "<circle"), Is.EqualTo(4), "two runs, two series");
        Assert.That(chart, Does.Contain("verdict 100.0%"), "the earlier run passed everything");
    }

    [Test]
    public void AllResultsMatchesItsSchemaAndTheSite()
    {
        var json = SchemaValidator.Parse(File.ReadAllText(Path.Combine(_site, SitePaths.AllResults)));
        SchemaValidator.AssertValid("all-results.schema.json", json);
        var scripted = json!["implementations"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "scripted")!;
        Assert.That(scripted["history"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(scripted["latest"]!["outcomes"]![SiteFixture.Forgery]!.GetValue<string>(), Is.EqualTo("fail"));
        Assert.That(scripted["latest"]!["accepted_forgeries"]!.AsArray().Select(k => k!.GetValue<string>()), Is.EqualTo(new[] { SiteFixture.Forgery }));
        Assert.That(File.Exists(Path.Combine(_site, scripted["badges"]!["verdict"]!.GetValue<string>())));
    }

    [Test]
    public void BadgesAreSvgWithTheirNumbers()
    {
        var history = _data.Histories.Single(h => h.Name == "scripted");
        var score = Score.Of(history.Latest.Runs);
        var verdict = File.ReadAllText(Path.Combine(_site, SitePaths.Badge(history, "verdict")));
        Assert.That(System.Xml.Linq.XDocument.Parse(verdict).Root!.Name.LocalName, Is.EqualTo("svg"));
        Assert.That(verdict, Does.Contain($">{Score.Percent(score.Verdict)}<"));
        Assert.That(File.ReadAllText(Path.Combine(_site, SitePaths.Badge(history, "corpus"))), Does.Contain(">9.9.9<"));
    }

    [Test]
    public void HostileTextIsEscaped()
    {
        var run = new ResultsRun { Key = "x::y@01", Id = "x::y", Draft = "01", Topic = "x", Outcome = Outcome.Fail, Detail = "<script>alert(1)</script>" };
        Assert.That(Html.Text(run.Detail), Does.Not.Contain("<script>"));
        Assert.That(ExpectationEntry.Yaml(run), Does.Not.Contain('\n'));
    }
}
