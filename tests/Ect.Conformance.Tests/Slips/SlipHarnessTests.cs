using System.Diagnostics;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Runner;
using Ect.Conformance.Subprocess;
using Ect.Conformance.Tests.Protocol;
using Ect.Conformance.Tests.Vectors;

namespace Ect.Conformance.Tests.Slips;

/// <summary>
/// The committed corpus against the Python example implementation with one planted slip
/// (tests/harness-slips): every slip of the table makes some run of its rule fail, and the two
/// harnesses without a slip (the implementation as it is, and the other side of every choice the
/// profile leaves open) pass every run. Each slip is run on its rule's cases only, which keeps
/// each slip's harness run to about a second.
/// </summary>
[NonParallelizable]
public class SlipHarnessTests
{
    private static string SlipDir => Path.Combine(VectorRepository.Root, "tests", "harness-slips");

    public static IEnumerable<PlantedSlip> Slips() => PlantedSlip.ReadTable(Path.Combine(SlipDir, "slips.txt"));

    [SetUp]
    public void RequirePython()
    {
        if (!ProtocolSchemaTests.PythonHarnessAvailable())
        {
            Assert.Ignore("python3-jwt / python3-cryptography not installed (harnesses/python/install.sh)");
        }
    }

    [Test]
    public void TheTableIsWhatTheHarnessPlants()
    {
        var listing = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-B", Script, "--list"]) { RedirectStandardOutput = true })!;
        var planted = listing.StandardOutput.ReadToEnd();
        listing.WaitForExit();

        Assert.That(listing.ExitCode, Is.Zero);
        Assert.That(planted, Is.EqualTo(File.ReadAllText(Path.Combine(SlipDir, "slips.txt"))), "regenerate slips.txt with slip_harness.py --list");
    }

    [TestCaseSource(nameof(Slips))]
    public async Task TheCorpusCatchesTheSlip(PlantedSlip slip)
    {
        ArgumentNullException.ThrowIfNull(slip);
        var results = await RunAsync(slip.Name, new RunFilter { Rules = [slip.Rule] });

        var caught = results.Runs.Where(r => r.Declared && r.Outcome is not (Outcome.Pass or Outcome.Skipped)).ToList();
        Assert.That(results.StartError, Is.Null);
        Assert.That(results.Runs.Count(r => r.Declared), Is.Positive, $"no declared run names {slip.Rule}");
        Assert.That(caught, Is.Not.Empty, $"every {slip.Rule} run passes with slip {slip.Name}: {slip.Description}");
        Assert.That(caught.Select(r => r.Outcome), Has.None.EqualTo(Outcome.Errored).And.None.EqualTo(Outcome.Crashed).And.None.EqualTo(Outcome.Timeout),
            "a slip must change answers, not break the harness");
    }

    [TestCase("none")]
    [TestCase("other-side")]
    public async Task WithoutASlipEveryRunPasses(string name)
    {
        var results = await RunAsync(name, new RunFilter());

        Assert.That(results.StartError, Is.Null);
        Assert.That(results.Implementation!.Name, Is.EqualTo("ect-py-slip-" + name));
        Assert.That(results.Runs.Where(r => r.Declared && r.Outcome != Outcome.Pass).Select(r => $"{r.Run.Key}: {r.Judgement.Detail}"), Is.Empty);
    }

    [Test]
    public async Task AnUnknownSlipDoesNotStart()
    {
        var results = await RunAsync("no-such-slip", new RunFilter { Rules = ["TIME-1"] });

        Assert.That(results.StartError, Does.Contain("unknown slip"));
    }

    private static string Script => Path.Combine(SlipDir, "slip_harness.py");

    private static async Task<RunResults> RunAsync(string slip, RunFilter filter)
    {
        await using var harness = new SubprocessImplementation($"/usr/bin/python3 -B '{Script}' {slip}");
        var options = new RunnerOptions { Filter = filter, Timeout = TimeSpan.FromSeconds(20) };
        return await new ConformanceRunner(options).RunAsync(VectorRepository.Suite, VectorRepository.VectorsDir, harness);
    }
}
