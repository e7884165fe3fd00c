using Ect.Conformance.Cli;
using Ect.Conformance.Judging;
using Ect.Conformance.Reports;
using Ect.Conformance.Tests.Support;

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

    [TestCase("crash.py")]
    [TestCase("skip_and_error.py")]
    public async Task JobsShareTheCasesAndChangeNoResult(string harness)
    {
        using var one = new TempDir();
        using var three = new TempDir();
        string[] run = ["run", "--harness", TestFixtures.Harness(harness), "--vectors", TestFixtures.RobustnessDir, "--timeout", "5"];
        var (a, outA, _) = await Cli([.. run, "--report-dir", one.Path, "--jobs", "1"]);
        var (b, outB, _) = await Cli([.. run, "--report-dir", three.Path, "--jobs", "3"]);
        Assert.That(b, Is.EqualTo(a), outA + outB);
        Assert.That(a, Is.EqualTo(ExitCodes.Failures), "the fixture misbehaves on one case, so the comparison covers a non-pass");

        // Same outcomes, in the same order, and compare sees no change.
        Assert.That(RunKeys(three.Path), Is.EqualTo(RunKeys(one.Path)));
        Assert.That(ResultsDocument.ReadOutcomes(Path.Combine(three.Path, "results.json")), Is.EqualTo(ResultsDocument.ReadOutcomes(Path.Combine(one.Path, "results.json"))));
        var (same, compared, _) = await Cli("compare", Path.Combine(one.Path, "results.json"), Path.Combine(three.Path, "results.json"));
        Assert.That(same, Is.Zero, compared);
        Assert.That(compared, Does.Contain("(0 changed, 0 new, 0 removed)"));
    }

    [Test]
    public async Task SeveralImplementationsEachKeepTheirReportsAndExitStatus()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = await Cli("run", "--impl", "reference", "--harness", "fine=" + TestFixtures.Harness("well_behaved.py"),
            "--harness", TestFixtures.Harness("crash.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", dir.Path, "--timeout", "5");
        Assert.That(code, Is.EqualTo(ExitCodes.Failures), stdout + stderr);

        // The unnamed harness is filed under the name it declared.
        foreach (var folder in new[] { "reference", "fine", "fixture" })
        {
            Assert.That(File.Exists(Path.Combine(dir.Path, folder, "results.json")), folder + stdout);
        }

        Assert.That(RunKeys(Path.Combine(dir.Path, "fine")), Is.EqualTo(RunKeys(Path.Combine(dir.Path, "reference"))));
        var md = await File.ReadAllTextAsync(Path.Combine(dir.Path, "report.md"));
        Assert.That(md, Does.Contain("| reference | 0 |").And.Contain("| fine | 0 |").And.Contain("| fixture | 1 |").And.Contain("accepted forgeries").And.Contain("[fixture/report.md](fixture/report.md)"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(dir.Path, "report.html")), Does.Contain("href=\"fixture/report.html\""));
        Assert.That(stdout, Does.Contain("result: 1 of 3 implementation(s) did not"));
        Assert.That(Directory.GetDirectories(dir.Path).Select(Path.GetFileName), Has.None.StartsWith(".running"));
    }

    [Test]
    public async Task AnImplementationsFileNamesEachWithItsExpectations()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "crash-known.yaml"), "\"robust::b-victim@01\": { outcome: crashed, reason: \"dies on purpose\" }\n");
        var file = Path.Combine(dir.Path, "implementations.yaml");
        await File.WriteAllTextAsync(file, $"""
            implementations:
              - name: ref
                command: reference
                homepage: "not a url"
              - name: crashy
                command: "{TestFixtures.Harness("crash.py").Replace("\"", "\\\"", StringComparison.Ordinal)}"
                expectations: crash-known.yaml
                homepage: "https://example.org/crashy"
            """);
        var (code, stdout, stderr) = await Cli("run", "--implementations", file, "--vectors", TestFixtures.RobustnessDir, "--report-dir", Path.Combine(dir.Path, "out"), "--timeout", "5");
        Assert.That(code, Is.EqualTo(ExitCodes.Success), stdout + stderr);
        var md = await File.ReadAllTextAsync(Path.Combine(dir.Path, "out", "report.md"));
        Assert.That(md, Does.Contain("| ref | 0 |").And.Contain("| [crashy](https://example.org/crashy) | 0 |"));
        Assert.That(md, Does.Not.Contain("(not a url)"), "a homepage that is not a URL is not a link");
        Assert.That(stdout, Does.Contain("1 known deviation(s)"));
    }

    [TestCase("implementations: []\n", "non-empty list", TestName = "Empty implementations file")]
    [TestCase("implementations:\n  - name: a\n", "implementation a has no command", TestName = "Implementation without command")]
    [TestCase("implementations:\n  - name: a\n    command: reference\n    cmd: x\n", "unknown member \"cmd\"", TestName = "Unknown member")]
    [TestCase("implementations:\n  - { name: a, command: reference }\n  - { name: a, command: reference }\n", "the name a is used twice", TestName = "Name used twice")]
    public async Task BadImplementationsFilesExitTwo(string yaml, string message)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "i.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var (code, _, stderr) = await Cli("run", "--implementations", file, "--vectors", TestFixtures.RobustnessDir);
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(stderr, Does.Contain(message));
    }

    private static List<string> RunKeys(string reportDir) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(reportDir, "results.json")))!["runs"]!.AsArray()
            .Select(r => r!["key"]!.GetValue<string>()).ToList();

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

        // Writing entries without reasons is not a green run: it fails until someone explains them.
        var (written, stdout, _) = await Cli([.. run, "--update-expectations"]);
        Assert.That(written, Is.EqualTo(ExitCodes.Failures), stdout);
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

    [TestCase(new[] { "run", "--impl", "go" }, "unknown --impl go", TestName = "Unknown impl")]
    [TestCase(new[] { "run", "--impl", "reference", "--vectors", "/nonexistent/vectors" }, "/nonexistent/vectors is neither a vectors folder nor a bundle file", TestName = "Missing vectors folder")]
    [TestCase(new[] { "run", "--impl", "reference", "--draft", "02" }, "--draft 02", TestName = "Unknown draft")]
    [TestCase(new[] { "run", "--impl", "reference", "--operation", "sign" }, "--operation sign", TestName = "Unknown operation")]
    [TestCase(new[] { "run", "--impl", "reference", "--timeout", "0" }, "--timeout takes a number of seconds above 0", TestName = "Zero timeout")]
    [TestCase(new[] { "run", "--impl", "reference", "--start-timeout", "1e300" }, "at most 86400", TestName = "Start timeout past a day")]
    [TestCase(new[] { "run", "--impl", "reference", "--jobs", "0" }, "--jobs takes a whole number from 1 to 256, not \"0\"", TestName = "Zero jobs")]
    [TestCase(new[] { "run", "--impl", "reference", "--harness", "x", "--expectations", "e.yaml" }, "with several, give each its expectations in --implementations FILE", TestName = "Expectations with several implementations")]
    [TestCase(new[] { "run" }, "name what to judge", TestName = "Nothing to judge")]
    [TestCase(new[] { "nosuch" }, "unknown command \"nosuch\": the commands are run, fuzz, compare, site, harness", TestName = "Unknown subcommand")]
    [TestCase(new string[0], "no command given", TestName = "No subcommand")]
    [TestCase(new[] { "run", "--impl", "reference", "--topic", "nosuch" }, "--topic nosuch selects no run", TestName = "Topic that selects nothing")]
    [TestCase(new[] { "run", "--impl", "reference", "--rule", "DAG-99" }, "--rule DAG-99 selects no run", TestName = "Rule that selects nothing")]
    [TestCase(new[] { "run", "--impl", "reference", "--id", "dag::*", "--operation", "create" }, "the filter --id dag::* --operation create selects no run", TestName = "Filters that select nothing together")]
    [TestCase(new[] { "run", "--impl", "reference", "--timeout", "soon" }, "soon", TestName = "Timeout not a number")]
    [TestCase(new[] { "run", "--impl", "reference", "--update-expectations" }, "needs --expectations", TestName = "Update without a file")]
    [TestCase(new[] { "run", "--impl", "reference", "--expectations", "/nonexistent/e.yaml" }, "/nonexistent/e.yaml does not exist", TestName = "Missing expectations file")]
    [TestCase(new[] { "run", "--impl", "reference", "--frobnicate" }, "--frobnicate", TestName = "Unknown option")]
    [TestCase(new[] { "compare", "only-one.json" }, "Required argument missing", TestName = "Compare needs two files")]
    public async Task BadArgumentsExitTwoNamingTheProblem(string[] args, string message)
    {
        // Point at the fixtures unless the case is about the vectors folder, so nothing depends on the corpus.
        var withVectors = args.Contains("--vectors") || args.FirstOrDefault() != "run" ? args : [.. args, "--vectors", TestFixtures.VectorsDir];
        var (code, _, stderr) = await Cli(withVectors);
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(stderr, Does.Contain(message));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one plain sentence");
        Assert.That(stderr, Does.Not.Contain("System."), "no .NET type names");
    }

    [Test]
    public async Task ExpectationsStillSayingTodoFailTheRunNamingThem()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "e.yaml");
        async Task<(int Code, string Stdout)> RunWith(string reason)
        {
            await File.WriteAllTextAsync(file, $"\"robust::b-victim@01\": {{ outcome: skipped, reason: \"{reason}\" }}\n");
            var (code, stdout, _) = await Cli("run", "--harness", TestFixtures.Harness("skip_and_error.py"), "--vectors", TestFixtures.RobustnessDir, "--report-dir", dir.Path, "--expectations", file);
            return (code, stdout);
        }

        var (todo, todoOut) = await RunWith("TODO: explain");
        Assert.That(todo, Is.EqualTo(ExitCodes.Failures), todoOut);
        Assert.That(todoOut, Does.Contain("UNEXPLAINED").And.Contain("robust::b-victim@01").And.Contain("TODO: explain"));
        var (explained, explainedOut) = await RunWith("the harness declines this case on purpose");
        Assert.That(explained, Is.EqualTo(ExitCodes.Success), explainedOut);
    }

    [Test]
    public async Task TheBuiltInCorpusIsTheDefaultFromAnyDirectory()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = await Cli("run", "--impl", "reference", "--topic", "dag", "--draft", "01", "--report-dir", dir.Path);
        Assert.That(code, Is.EqualTo(ExitCodes.Success), stdout + stderr);
        var bundle = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Vectors.VectorRepository.VectorsDir, "dist", "ect-vectors.json")))!;
        var hash = bundle["content_hash"]!.GetValue<string>();
        var version = bundle["suite_version"]!.GetValue<string>();
        Assert.That(stdout, Does.Contain(BuiltInCorpus.DisplayName).And.Contain(hash).And.Contain(version));
        var results = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "results.json")))!;
        Assert.That(results["suite"]!["hash"]!.GetValue<string>(), Is.EqualTo(hash));
        Assert.That(results["suite"]!["version"]!.GetValue<string>(), Is.EqualTo(version));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(dir.Path, "report.md")), Does.Contain(hash).And.Contain(version));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(dir.Path, "report.html")), Does.Contain(hash).And.Contain(version));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(dir.Path, "junit.xml")), Does.Contain($"name=\"corpus.content_hash\" value=\"{hash}\"").And.Contain($"name=\"corpus.version\" value=\"{version}\""));
    }

    [Test]
    public async Task VectorsMayNameTheCompiledBundle()
    {
        using var dir = new TempDir();
        var bundle = Path.Combine(Vectors.VectorRepository.VectorsDir, "dist", "ect-vectors.json");
        var (code, stdout, stderr) = await Cli("run", "--impl", "reference", "--vectors", bundle, "--topic", "replay", "--report-dir", dir.Path);
        Assert.That(code, Is.EqualTo(ExitCodes.Success), stdout + stderr);
        var fromFolder = Ect.Conformance.Cases.VectorSuite.LoadPath(Vectors.VectorRepository.VectorsDir);
        var fromBundle = Ect.Conformance.Cases.VectorSuite.LoadPath(bundle);
        Assert.That(fromBundle.ContentHash, Is.EqualTo(fromFolder.ContentHash), "a folder and its bundle are one corpus");
        Assert.That(fromBundle.Version, Is.EqualTo(fromFolder.Version));
        Assert.That(fromBundle.Notes.Keys, Is.EquivalentTo(fromFolder.Notes.Keys));
        Assert.That(fromBundle.Notes["AlgNone"].BugType, Is.EqualTo("AUTH_BYPASS"));
    }

    [Test]
    public async Task ABundleChangedAfterItWasBuiltIsRefused()
    {
        // Still well-formed cases (an acceptable result may name no code), so only the hash tells.
        var (code, stderr) = await RunTamperedBundle("\"result\": \"valid\"", "\"result\": \"acceptable\"");
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(stderr, Does.Contain("tampered.json").And.Contain("content_hash").And.Contain("changed after it was built"));
    }

    [Test]
    public async Task ABundleCaseThatIsNoCaseIsRefusedByName()
    {
        var (code, stderr) = await RunTamperedBundle("\"result\": \"invalid\"", "\"result\": \"valid\"");
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(stderr, Does.Contain("tampered.json: ").And.Contain("a valid result names no error"));
    }

    /// <summary>Runs the reference on the committed bundle with every <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    private static async Task<(int Code, string Stderr)> RunTamperedBundle(string from, string to)
    {
        using var dir = new TempDir();
        var text = await File.ReadAllTextAsync(Path.Combine(Vectors.VectorRepository.VectorsDir, "dist", "ect-vectors.json"));
        var tampered = Path.Combine(dir.Path, "tampered.json");
        await File.WriteAllTextAsync(tampered, text.Replace(from, to, StringComparison.Ordinal));
        var (code, _, stderr) = await Cli("run", "--impl", "reference", "--vectors", tampered);
        return (code, stderr);
    }

    [Test]
    public async Task VersionNamesTheRunnerAndTheBuiltInCorpus()
    {
        var (code, stdout, _) = await Cli("--version");
        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        var corpus = BuiltInCorpus.Load();
        Assert.That(stdout, Does.Contain($"ect-conformance {ResultsDocument.RunnerVersion}")
            .And.Contain($"corpus {corpus.Version}").And.Contain(corpus.ContentHash).And.Contain("harness protocol 1"));
        Assert.That(corpus.ContentHash, Is.EqualTo(Ect.Conformance.Cases.VectorSuite.LoadPath(Vectors.VectorRepository.VectorsDir).ContentHash),
            "the tool carries the committed corpus");
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
    public async Task AnEmptyCorpusIsNothingToJudge()
    {
        using var dir = new TempDir();
        var vectors = Directory.CreateDirectory(Path.Combine(dir.Path, "vectors")).FullName;
        var (code, _, stderr) = await Cli("run", "--impl", "reference", "--vectors", vectors, "--report-dir", Path.Combine(dir.Path, "reports"));
        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(stderr, Does.Contain("the corpus holds no run"));
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
