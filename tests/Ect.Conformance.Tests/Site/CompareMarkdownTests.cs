using Ect.Conformance.Cases;
using Ect.Conformance.Cli;
using Ect.Conformance.Comparing;
using Ect.Conformance.Site;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Site;

/// <summary><c>compare --format markdown</c>, and compare against a published all-results.json.</summary>
[Parallelizable(ParallelScope.All)]
public class CompareMarkdownTests
{
    private SiteFixture _fixture = null!;
    private string _allResults = null!;

    [OneTimeSetUp]
    public async Task BuildSite()
    {
        _fixture = await SiteFixture.CreateAsync();
        var site = Path.Combine(_fixture.Dir, "site");
        SiteBuilder.Build(new SiteData([ResultsFile.Load(_fixture.Reference), ResultsFile.Load(_fixture.Lax)], SiteFixture.Corpus()), site);
        _allResults = Path.Combine(site, SitePaths.AllResults);
    }

    [OneTimeTearDown]
    public void RemoveSite() => _fixture.Dispose();

    [Test]
    public void RegressionsComeFirstWithTheirBugType()
    {
        var comparison = new Comparison(ComparedRuns.Load(_fixture.LaxEarlier, null), ComparedRuns.Load(_fixture.Lax, null));
        var markdown = MarkdownComparison.Render(comparison, SiteFixture.Corpus().Notes);
        Assert.That(markdown, Does.StartWith("## ECT conformance: 4 regression(s)"));
        Assert.That(markdown, Does.Contain($"| `{SiteFixture.Forgery}` | pass | **fail** | **{FlagNote.AuthBypass}** |"));
        Assert.That(markdown, Does.Not.Contain("### Fixes"), "nothing got better");

        var back = MarkdownComparison.Render(new Comparison(comparison.After, comparison.Before), SiteFixture.Corpus().Notes);
        Assert.That(back, Does.StartWith("## ECT conformance: no regressions").And.Contain("### Fixes (4)"));
    }

    [Test]
    public async Task MarkdownExitsOneOnARegression()
    {
        var (code, stdout, _) = await Cli("compare", _fixture.LaxEarlier, _fixture.Lax, "--format", "markdown", "--vectors", TestFixtures.VectorsDir);
        Assert.That(code, Is.EqualTo(ExitCodes.Failures));
        var regressions = stdout.IndexOf("### Regressions (4)", StringComparison.Ordinal);
        Assert.That(regressions, Is.GreaterThan(0), stdout);
        var (fixedCode, fixedOut, _) = await Cli("compare", _fixture.Lax, _fixture.LaxEarlier, "--format", "markdown", "--vectors", TestFixtures.VectorsDir);
        Assert.That(fixedCode, Is.Zero);
        Assert.That(fixedOut, Does.Contain("### Fixes (4)").And.Not.Contain("### Regressions"));
    }

    [Test]
    public async Task AllResultsComparesAsTheResultsFileItCameFrom()
    {
        var (direct, directOut, _) = await Cli("compare", _fixture.LaxEarlier, _fixture.Lax);
        var (published, publishedOut, _) = await Cli("compare", _fixture.LaxEarlier, _allResults, "--implementation", "scripted");
        Assert.That(published, Is.EqualTo(direct));
        Assert.That(Body(publishedOut), Is.EqualTo(Body(directOut)));
        Assert.That(publishedOut, Does.Contain("4 run(s) got worse"));

        var (ambiguous, _, err) = await Cli("compare", _fixture.LaxEarlier, _allResults);
        Assert.That(ambiguous, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(err, Does.Contain("holds 2 implementations").And.Contain("--implementation NAME"));
        var (unknown, _, unknownErr) = await Cli("compare", _fixture.LaxEarlier, _allResults, "--implementation", "nosuch");
        Assert.That(unknown, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(unknownErr, Does.Contain("holds no implementation nosuch"));
    }

    // Everything after the two header lines, which name the files compared.
    private static string Body(string output) => string.Join('\n', output.Split('\n').Skip(2));

    private static async Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
