using System.Text.Json.Nodes;
using Ect.Conformance.Cli;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary><c>ect-conformance fuzz</c> in process: the seed printed, the reports written, usage errors as exit 2.</summary>
public sealed class FuzzCommandTests
{
    [Test]
    public async Task AReferenceCampaignPrintsItsSeedAndWritesItsReports()
    {
        var dir = Directory.CreateTempSubdirectory("ect-fuzz-cli-").FullName;
        try
        {
            var (code, stdout, _) = await Cli("fuzz", "--impl", "reference", "--seed", "7", "--cases", "60", "--out", dir);
            Assert.That(code, Is.EqualTo(ExitCodes.Success), stdout);
            Assert.That(stdout, Does.Contain("seed 7").And.Contain("no disagreement"));
            var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "fuzz-report.json")))!;
            Assert.That((report["seed"]!.GetValue<string>(), report["cases"]!.GetValue<long>(), report["exit_code"]!.GetValue<int>()), Is.EqualTo(("7", 60L, 0)));
            Assert.That(File.Exists(Path.Combine(dir, "fuzz-report.md")), Is.True);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase("--impl", "reference", "--harness", "x")]
    [TestCase("--impl", "reference", "--seed", "-1")]
    [TestCase("--impl", "reference", "--cases", "0")]
    [TestCase("--impl", "reference", "--operation", "sign")]
    [TestCase("--impl", "reference", "--feature", "levels")]
    [TestCase("--impl", "reference", "--rule", "NOPE-1", "--cases", "1")]
    public async Task UnusableArgumentsExitWithTwo(params string[] args)
    {
        var (code, _, _) = await Cli(["fuzz", .. args]);
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
