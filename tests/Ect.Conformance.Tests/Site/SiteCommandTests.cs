using Ect.Conformance.Cli;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Site;

/// <summary><c>ect-conformance site</c> on the command line: what it writes and how it refuses.</summary>
[Parallelizable(ParallelScope.All)]
public class SiteCommandTests
{
    [Test]
    public async Task BuildsTheSiteAndSumsUpEachImplementation()
    {
        using var fixture = await SiteFixture.CreateAsync();
        var site = Path.Combine(fixture.Dir, "out");
        var (code, stdout, stderr) = await Cli("site", fixture.Lax, fixture.Reference, fixture.LaxEarlier, "--vectors", TestFixtures.VectorsDir, "--out", site);
        Assert.That(code, Is.EqualTo(ExitCodes.Success), stderr);
        Assert.That(stdout, Does.Contain("scripted: 2 run(s)").And.Contain("1 accepted forgeries").And.Contain("ect-conformance-reference: 1 run(s), latest verdict 100.0%"));
        Assert.That(File.Exists(Path.Combine(site, "index.html")) && File.Exists(Path.Combine(site, "api", "all-results.json")));
    }

    [Test]
    public async Task RefusesWhatIsNotAResultsDocument()
    {
        using var fixture = await SiteFixture.CreateAsync();
        var notResults = Path.Combine(fixture.Dir, "x.json");
        await File.WriteAllTextAsync(notResults, "{\"schema_version\": 7}");
        var (missing, _, missingErr) = await Cli("site", Path.Combine(fixture.Dir, "nope.json"), "--out", Path.Combine(fixture.Dir, "s"));
        Assert.That(missing, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(missingErr, Does.Contain("nope.json does not exist"));
        var (wrong, _, wrongErr) = await Cli("site", notResults, "--out", Path.Combine(fixture.Dir, "s"));
        Assert.That(wrong, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(wrongErr, Does.Contain("not a results document"));
        var (noOut, _, noOutErr) = await Cli("site", fixture.Lax);
        Assert.That(noOut, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(noOutErr, Does.Contain("--out"));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
