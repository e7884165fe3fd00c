using Ect.Conformance.Cli;
using Ect.Conformance.Judging;
using Ect.Conformance.Reports;
using Ect.Conformance.Tests.Runner;

namespace Ect.Conformance.Tests.Cli;

/// <summary>The <c>ect-conformance</c> command line, run in-process (the harness it starts runs as a real subprocess).</summary>
[Parallelizable(ParallelScope.All)]
public class CliTests
{
    [Test]
    public async Task RunReferenceWritesEveryReport()
    {
        using var dir = new TempDir();
        var (code, stdout, _) = await Cli("run", "--impl", "reference", "--vectors", TestFixtures.VectorsDir, "--report-dir", dir.Path);
        Assert.That(code, Is.EqualTo(ExitCodes.Success), stdout);
        foreach (var file in new[] { "results.json", "junit.xml", "report.md", "report.html" })
        {
            Assert.That(File.Exists(Path.Combine(dir.Path, file)), file);
        }

        SchemaValidator.AssertValid("results.schema.json", SchemaValidator.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "results.json"))));
        Assert.That(stdout, Does.Contain("15 runs: 15 passed").And.Contain("verdict conformance 100.0%").And.Contain("progress: 15/15"));
        Assert.That(stdout, Does.Contain("topic").And.Contain("rule").And.Contain("DAG-3"));
    }

    [Test]
    public async Task HarnessCommandGivesTheSameOutcomesAsInProcess()
    {
        using var inProcess = new TempDir();
        using var subprocess = new TempDir();
        var (a, outA, _) = await Cli("run", "--impl", "reference", "--vectors", TestFixtures.VectorsDir, "--report-dir", inProcess.Path);
        var (b, outB, errB) = await Cli("run", "--harness", TestFixtures.CliHarness, "--vectors", TestFixtures.VectorsDir, "--report-dir", subprocess.Path, "--timeout", "20");
        Assert.That((a, b), Is.EqualTo((0, 0)), outA + outB + errB);
        var inProcessOutcomes = ResultsDocument.ReadOutcomes(Path.Combine(inProcess.Path, "results.json"));
        Assert.That(ResultsDocument.ReadOutcomes(Path.Combine(subprocess.Path, "results.json")), Is.EquivalentTo(inProcessOutcomes));
        Assert.That(inProcessOutcomes, Has.Count.EqualTo(TestFixtures.Vectors().Runs().Count()));
        var (same, compared, _) = await Cli("compare", Path.Combine(inProcess.Path, "results.json"), Path.Combine(subprocess.Path, "results.json"));
        Assert.That(same, Is.Zero);
        Assert.That(compared, Does.Contain("nothing got worse (0 changed, 0 new, 0 removed)"));
    }

    [Test]
    public async Task FailuresExitOneAndAreExplained()
    {
        using var dir = new TempDir();
        var (code, stdout, _) = await Cli("run", "--harness", TestFixtures.Harness("wrong_count.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", dir.Path, "--timeout", "2");
        Assert.That(code, Is.EqualTo(ExitCodes.Failures));
        Assert.That(stdout, Does.Contain("ERRORED robust::b-victim@01").And.Contain("expected 1 result(s), the reply has 2"));
        Assert.That(stdout, Does.Contain("result: 1 unexpected result(s)"));
    }

    [Test]
    public async Task ExpectationsCanBeWrittenThenHeld()
    {
        using var dir = new TempDir();
        var expectations = Path.Combine(dir.Path, "expectations.yaml");
        string[] run = ["run", "--harness", TestFixtures.Harness("crash.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", dir.Path, "--timeout", "2", "--expectations", expectations];

        var (written, stdout, _) = await Cli([.. run, "--update-expectations"]);
        Assert.That(written, Is.Zero, stdout);
        Assert.That(stdout, Does.Contain("wrote 1 entry").And.Contain("1 need a reason"));
        var text = await File.ReadAllTextAsync(expectations);
        Assert.That(text, Does.Contain("\"robust::b-victim\":\n  outcome: crashed\n  reason: \"TODO: explain\""));

        await File.WriteAllTextAsync(expectations, text.Replace("TODO: explain", "dies on purpose", StringComparison.Ordinal));
        var (held, heldOut, _) = await Cli(run);
        Assert.That(held, Is.Zero, heldOut);
        Assert.That(heldOut, Does.Contain("1 known deviation(s)"));

        var (rewritten, _, _) = await Cli([.. run, "--update-expectations"]);
        Assert.That(rewritten, Is.Zero);
        Assert.That(await File.ReadAllTextAsync(expectations), Does.Contain("dies on purpose"), "an unchanged outcome keeps its reason");

        // The same file against a harness that no longer crashes: the entry is stale.
        string[] fixedRun = ["run", "--harness", TestFixtures.Harness("well_behaved.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", dir.Path, "--expectations", expectations];
        var (stale, staleOut, _) = await Cli(fixedRun);
        Assert.That(stale, Is.EqualTo(ExitCodes.Failures));
        Assert.That(staleOut, Does.Contain("passes now: remove the entry"));
    }

    [Test]
    public async Task CompareReportsWhatGotWorse()
    {
        using var good = new TempDir();
        using var bad = new TempDir();
        await Cli("run", "--harness", TestFixtures.Harness("well_behaved.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", good.Path);
        await Cli("run", "--harness", TestFixtures.Harness("wrong_seq.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", bad.Path, "--timeout", "2");
        var before = Path.Combine(good.Path, "results.json");
        var after = Path.Combine(bad.Path, "results.json");

        var (worse, worseOut, _) = await Cli("compare", before, after);
        Assert.That(worse, Is.EqualTo(ExitCodes.Failures));
        Assert.That(worseOut, Does.Contain("worse  robust::b-victim@01: pass -> errored").And.Contain("1 run(s) got worse"));
        Assert.That(worseOut, Does.Contain("after:  ").And.Contain("fixture 0.0.1"));

        var (better, betterOut, _) = await Cli("compare", after, before);
        Assert.That(better, Is.Zero);
        Assert.That(betterOut, Does.Contain("better robust::b-victim@01: errored -> pass"));

        var (missing, _, err) = await Cli("compare", before, Path.Combine(bad.Path, "nope.json"));
        Assert.That(missing, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(err, Does.Contain("nope.json does not exist"));
    }

    [Test]
    public async Task CompareListsNewAndRemovedRuns()
    {
        using var all = new TempDir();
        using var some = new TempDir();
        await Cli("run", "--impl", "reference", "--vectors", TestFixtures.VectorsDir, "--report-dir", all.Path);
        await Cli("run", "--impl", "reference", "--vectors", TestFixtures.VectorsDir, "--report-dir", some.Path, "--topic", "dag");
        var (code, stdout, _) = await Cli("compare", Path.Combine(some.Path, "results.json"), Path.Combine(all.Path, "results.json"));
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("new (9):").And.Contain("verify::alg-none@01: pass"));
        Assert.That(stdout, Does.Contain("before: ").And.Contain("ect-conformance-reference").And.Not.Contain("different vector suites"));
    }

    [Test]
    public async Task FiltersAndFailFast()
    {
        using var dir = new TempDir();
        var (code, stdout, _) = await Cli("run", "--impl", "reference", "--vectors", TestFixtures.VectorsDir, "--report-dir", dir.Path, "--id", "dag::*", "--draft", "01", "--rule", "DAG-2", "--rule", "DAG-3");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("2 run(s) selected").And.Contain("2 runs: 2 passed"));

        var (failFast, failOut, _) = await Cli("run", "--harness", TestFixtures.Harness("non_json.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", dir.Path, "--fail-fast");
        Assert.That(failFast, Is.EqualTo(ExitCodes.Failures));
        Assert.That(failOut, Does.Contain("stopped early (fail-fast) after 2 of 4 runs"));
    }

    [TestCase(new[] { "run" }, "exactly one of --impl reference or --harness", TestName = "Neither impl nor harness")]
    [TestCase(new[] { "run", "--impl", "reference", "--harness", "x" }, "exactly one of", TestName = "Both impl and harness")]
    [TestCase(new[] { "run", "--impl", "go" }, "unknown --impl go", TestName = "Unknown impl")]
    [TestCase(new[] { "run", "--impl", "reference", "--vectors", "/nonexistent/vectors" }, "/nonexistent/vectors does not exist", TestName = "Missing vectors folder")]
    [TestCase(new[] { "run", "--impl", "reference", "--draft", "02" }, "--draft 02", TestName = "Unknown draft")]
    [TestCase(new[] { "run", "--impl", "reference", "--operation", "sign" }, "--operation sign", TestName = "Unknown operation")]
    [TestCase(new[] { "run", "--impl", "reference", "--timeout", "0" }, "positive", TestName = "Zero timeout")]
    [TestCase(new[] { "run", "--impl", "reference", "--timeout", "soon" }, "soon", TestName = "Timeout not a number")]
    [TestCase(new[] { "run", "--impl", "reference", "--update-expectations" }, "needs --expectations", TestName = "Update without a file")]
    [TestCase(new[] { "run", "--impl", "reference", "--expectations", "/nonexistent/e.yaml" }, "/nonexistent/e.yaml does not exist", TestName = "Missing expectations file")]
    [TestCase(new[] { "run", "--impl", "reference", "--frobnicate" }, "--frobnicate", TestName = "Unknown option")]
    [TestCase(new[] { "compare", "only-one.json" }, "Required argument missing", TestName = "Compare needs two files")]
    public async Task BadArgumentsExitTwoNamingTheProblem(string[] args, string message)
    {
        // Point at the fixtures unless the case is about the vectors folder, so nothing depends on the corpus.
        var withVectors = args.Contains("--vectors") || args[0] != "run" ? args : [.. args, "--vectors", TestFixtures.VectorsDir];
        var (code, _, stderr) = await Cli(withVectors);
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(stderr, Does.Contain(message));
    }

    [Test]
    public async Task BadExpectationsFileExitsTwo()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "e.yaml");
        await File.WriteAllTextAsync(file, "a::b: { outcome: maybe, reason: x }\n");
        var (code, _, stderr) = await Cli("run", "--impl", "reference", "--vectors", TestFixtures.VectorsDir, "--expectations", file);
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(stderr, Does.Contain("e.yaml").And.Contain("outcome must be one of"));
    }

    [Test]
    public async Task HarnessThatNeverAnswersStartExitsTwo()
    {
        using var dir = new TempDir();
        var (code, stdout, _) = await Cli("run", "--harness", TestFixtures.Harness("no_start.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", dir.Path, "--start-timeout", "1");
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(stdout, Does.Contain("the harness could not be started: no reply to start"));

        var (exits, exitsOut, _) = await Cli("run", "--harness", "/nonexistent/harness --flag", "--vectors", TestFixtures.RobustnessDir, "--report-dir", dir.Path);
        Assert.That(exits, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(exitsOut, Does.Contain("cannot start /nonexistent/harness --flag"));
    }

    [Test]
    public void VectorsAreFoundBesideTheSolution()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, RepositoryLocator.SolutionFile), "");
        Directory.CreateDirectory(Path.Combine(dir.Path, "vectors"));
        var nested = Directory.CreateDirectory(Path.Combine(dir.Path, "src", "deep")).FullName;
        Assert.That(RepositoryLocator.FindVectors(nested), Is.EqualTo(Path.Combine(dir.Path, "vectors")));
    }

    [Test]
    public async Task EmptySuiteRunsAndPasses()
    {
        using var dir = new TempDir();
        var vectors = Directory.CreateDirectory(Path.Combine(dir.Path, "vectors")).FullName;
        var (code, stdout, _) = await Cli("run", "--impl", "reference", "--vectors", vectors, "--report-dir", Path.Combine(dir.Path, "reports"));
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("no runs"));
    }

    private static Task<(int Code, string Stdout, string Stderr)> Cli(params string[] args) => CliAsync(args);

    private static async Task<(int Code, string Stdout, string Stderr)> CliAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ect-cli-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
