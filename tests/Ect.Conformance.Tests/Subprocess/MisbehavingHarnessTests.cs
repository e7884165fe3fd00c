using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reports;
using Ect.Conformance.Runner;
using Ect.Conformance.Subprocess;
using Ect.Conformance.Tests.Support;

namespace Ect.Conformance.Tests.Subprocess;

/// <summary>
/// Harnesses that break the protocol in each way harness protocol §3 names: the affected case gets
/// the right outcome, the harness is restarted, and the cases after it still run and pass.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class MisbehavingHarnessTests
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(1.5);

    [TestCase("crash.py", Outcome.Crashed, "exited with code 3", true, TestName = "Crash mid-run is crashed")]
    [TestCase("hang.py", Outcome.Timeout, "no reply within 1.5 s", true, TestName = "Hang is timeout")]
    [TestCase("close_stdout.py", Outcome.Crashed, "closed its standard output", true, TestName = "Closed stdout is crashed")]
    [TestCase("wrong_seq.py", Outcome.Errored, "seq 102, expected 2", true, TestName = "Wrong seq is errored")]
    [TestCase("non_json.py", Outcome.Errored, "not a JSON object: \"checking the DAG now...\"", true, TestName = "Non-JSON line is errored")]
    [TestCase("partial_line.py", Outcome.Timeout, "partial line without a newline: \"{\"seq\": 2, \"resu\"", true, TestName = "Partial line then hang is timeout")]
    [TestCase("wrong_count.py", Outcome.Errored, "expected 1 result(s), the reply has 2", false, TestName = "Wrong number of results is errored")]
    [TestCase("skip_and_error.py", Outcome.Skipped, "not implemented here", false, TestName = "Harness skip is skipped")]
    public async Task AffectedCaseIsReportedAndTheRunGoesOn(string script, Outcome outcome, string detail, bool restarted)
    {
        await using var harness = new SubprocessImplementation(TestFixtures.Harness(script), new SubprocessOptions { StartTimeout = TimeSpan.FromSeconds(10) });
        var results = await new ConformanceRunner(new RunnerOptions { Timeout = CaseTimeout }).RunAsync(TestFixtures.Robustness(), "robustness", harness);

        Assert.That(results.StartError, Is.Null);
        var byKey = results.Runs.ToDictionary(r => r.Run.Key);
        Assert.Multiple(() =>
        {
            Assert.That(results.Runs.Select(r => r.Run.Key), Is.EqualTo(new[] { "robust::a-first@01", "robust::b-victim@01", "robust::c-after@01", "robust::d-last@01" }));
            Assert.That(byKey["robust::a-first@01"].Outcome, Is.EqualTo(Outcome.Pass));
            Assert.That(byKey["robust::b-victim@01"].Outcome, Is.EqualTo(outcome), byKey["robust::b-victim@01"].Judgement.Detail);
            Assert.That(byKey["robust::b-victim@01"].Judgement.Detail, Does.Contain(detail));
            Assert.That(byKey["robust::c-after@01"].Outcome, Is.EqualTo(Outcome.Pass), byKey["robust::c-after@01"].Judgement.Detail);
            Assert.That(byKey["robust::d-last@01"].Outcome, Is.EqualTo(Outcome.Pass), byKey["robust::d-last@01"].Judgement.Detail);
            Assert.That(results.Restarts, Is.EqualTo(restarted ? 1 : 0));
            // A harness that is abandoned has its stderr read to the end, and kept with its case.
            if (restarted)
            {
                Assert.That(byKey["robust::b-victim@01"].Stderr, Does.Contain("case robust::b-victim seq 2"));
            }

            Assert.That(results.HarnessLog, Does.Contain("case robust::b-victim seq 2"));
        });
    }

    [Test]
    public async Task HugeLineIsReadInLinearTimeAndNotKept()
    {
        // 12 MB without a newline against a 4 MiB line limit: the line is cut at the limit and never held whole.
        const int limit = 4 * 1024 * 1024;
        var harness = new SubprocessImplementation(TestFixtures.Harness("huge_line.py") + " 12", new SubprocessOptions { MaxLineBytes = limit });
        RunResults results;
        try
        {
            results = await new ConformanceRunner(new RunnerOptions { Timeout = TimeSpan.FromSeconds(10) }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        }
        finally
        {
            await harness.DisposeAsync();
        }

        var stats = harness.Statistics;
        Assert.Multiple(() =>
        {
            Assert.That(results.Runs[1].Outcome, Is.EqualTo(Outcome.Errored));
            Assert.That(results.Runs[1].Judgement.Detail, Does.Contain($"a line longer than {limit} bytes was cut"));
            Assert.That(results.Runs[2].Outcome, Is.EqualTo(Outcome.Pass));
            Assert.That(stats.BytesRead, Is.GreaterThan(limit), "the harness printed past the limit");
            // Copying the whole half line on every 64 KB read (as before) costs limit^2 / 128 KB, about 128 MiB here.
            Assert.That(stats.BytesCopied, Is.LessThanOrEqualTo(3L * stats.BytesRead));
            Assert.That(stats.PeakLineBuffer, Is.LessThanOrEqualTo(limit));
        });
    }

    [Test]
    public async Task HalfLineOfMegabytesIsQuotedByItsStart()
    {
        // Under the line limit and never finished: the timeout report quotes its start and gives its size.
        var harness = new SubprocessImplementation(TestFixtures.Harness("huge_line.py") + " 3");
        RunResults results;
        try
        {
            results = await new ConformanceRunner(new RunnerOptions { Timeout = TimeSpan.FromSeconds(3) }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        }
        finally
        {
            await harness.DisposeAsync();
        }

        var stats = harness.Statistics;
        Assert.Multiple(() =>
        {
            Assert.That(results.Runs[1].Outcome, Is.EqualTo(Outcome.Timeout));
            Assert.That(results.Runs[1].Judgement.Detail, Does.Contain("partial line without a newline: \"{\"seq\": 2, \"results\"").And.Contain($"({(3 * 1024 * 1024) + 55} bytes)"));
            Assert.That(results.Runs[1].Judgement.Detail, Has.Length.LessThan(1000));
            Assert.That(stats.BytesCopied, Is.LessThanOrEqualTo(3L * stats.BytesRead));
        });
    }

    [Test]
    public async Task HugeValidReplyIsJudgedWholeAndKeptSmall()
    {
        await using var harness = new SubprocessImplementation(TestFixtures.Harness("huge_reply.py") + " 8");
        var results = await new ConformanceRunner(new RunnerOptions { Timeout = TimeSpan.FromSeconds(10) }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        var victim = results.Runs[1];
        var report = ConformanceReport.WithoutExpectations(results, TestFixtures.Robustness());
        var document = JsonText.Pretty(ResultsDocument.ToJson(report), relaxed: true);
        Assert.Multiple(() =>
        {
            Assert.That(victim.Outcome, Is.EqualTo(Outcome.Pass), victim.Judgement.Detail);
            Assert.That(victim.Judgement.ActualCut, Does.Contain("1 string(s) shortened").And.Contain("left out"));
            // Kept whole, the reply was 8.5 MB, copied again into every report.
            Assert.That(JsonText.Serialize(victim.Judgement.Actual).Length, Is.LessThanOrEqualTo(KeptReply.MaxChars + (2 * KeptReply.MaxStringChars)));
            Assert.That(RunDescription.Messages(victim).Single(), Has.Length.LessThanOrEqualTo(KeptReply.MaxStringChars + 40).And.Contain("[cut: 8,388,608 bytes of JSON text]"));
            Assert.That(document, Has.Length.LessThan(256 * 1024));
            Assert.That(document, Does.Contain("\"actual_cut\": \"the reply was cut for the report"));
            Assert.That(RunDescription.Actual(victim), Does.Contain("(the reply was cut for the report"));
            Assert.That(results.Runs[2].Outcome, Is.EqualTo(Outcome.Pass));
        });
    }

    [Test]
    public async Task DeepReplyIsJudgedAndKeptShallow()
    {
        // 24,990 levels, just under the reply bound: judged (it is a correct answer), kept to 32 levels.
        await using var harness = new SubprocessImplementation(TestFixtures.Harness("deep_reply.py") + " 24990");
        var results = await new ConformanceRunner(new RunnerOptions { Timeout = TimeSpan.FromSeconds(10) }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        var victim = results.Runs[1];
        var report = ConformanceReport.WithoutExpectations(results, TestFixtures.Robustness());
        var kept = JsonText.Serialize(victim.Judgement.Actual);
        Assert.Multiple(() =>
        {
            Assert.That(victim.Outcome, Is.EqualTo(Outcome.Pass), victim.Judgement.Detail);
            Assert.That(victim.Judgement.ActualCut, Does.Contain("1 value(s) nested deeper than 32 levels left out"));
            Assert.That(kept, Has.Length.LessThan(200).And.Contain("[cut: an array nested deeper than 32 levels]"));
            Assert.That(JsonText.Pretty(ResultsDocument.ToJson(report), relaxed: true), Has.Length.LessThan(64 * 1024));
            Assert.That(results.Runs[2].Outcome, Is.EqualTo(Outcome.Pass));
        });
    }

    [Test]
    public async Task FloodOfLinesIsNotQueued()
    {
        // The victim is the last run: the flood goes on through the two seconds stop waits for the harness to exit.
        var harness = new SubprocessImplementation(TestFixtures.Harness("flood.py"));
        var filter = new RunFilter { Ids = ["robust::a-first", "robust::b-victim"] };
        RunResults results;
        try
        {
            results = await new ConformanceRunner(new RunnerOptions { Timeout = CaseTimeout, Filter = filter }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        }
        finally
        {
            await harness.DisposeAsync();
        }

        Assert.Multiple(() =>
        {
            Assert.That(results.Runs.Select(r => r.Outcome), Is.All.EqualTo(Outcome.Pass));
            // Queued, two seconds of flood were 9 MB here (three million line strings); now reading stops after a chunk or two.
            Assert.That(harness.Statistics.BytesRead, Is.LessThan(1024 * 1024));
        });
    }

    [Test]
    public async Task CrashLeavesItsLastWordsInTheCaseLog()
    {
        await using var harness = new SubprocessImplementation(TestFixtures.Harness("crash.py"));
        var results = await new ConformanceRunner(new RunnerOptions { Timeout = CaseTimeout }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        Assert.That(results.Runs[1].Stderr, Does.Contain("crashing on purpose"));
        Assert.That(results.HarnessLog, Does.Contain("crashing on purpose"));
    }

    [Test]
    public async Task HangingHarnessIsKilledWithItsChildren()
    {
        // A sleep length no other test uses marks this harness's child.
        await using var harness = new SubprocessImplementation(TestFixtures.Harness("hang.py") + " 297");
        var results = await new ConformanceRunner(new RunnerOptions { Timeout = CaseTimeout }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        Assert.That(results.Runs[1].Outcome, Is.EqualTo(Outcome.Timeout));
        await Task.Delay(200);
        Assert.That(SleepProcesses("297"), Is.Empty);
    }

    [Test]
    public async Task HarnessThatExitsLeavingASetsidChildIsCrashedAndTheChildKilled()
    {
        var harness = new SubprocessImplementation(TestFixtures.Harness("setsid_child.py") + " 283");
        RunResults results;
        try
        {
            results = await new ConformanceRunner(new RunnerOptions { Timeout = TimeSpan.FromSeconds(3) }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        }
        finally
        {
            await harness.DisposeAsync();
        }

        var child = System.Text.RegularExpressions.Regex.Match(results.HarnessLog ?? "", @"child pid (\d+)");
        Assert.That(child.Success, Is.True, results.HarnessLog);
        var pid = int.Parse(child.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(200);
        Assert.Multiple(() =>
        {
            // The child keeps standard output open: waiting for its end would make this a timeout.
            Assert.That(results.Runs[1].Outcome, Is.EqualTo(Outcome.Crashed), results.Runs[1].Judgement.Detail);
            Assert.That(results.Runs[1].Judgement.Detail, Does.Contain("exited with code 5").And.Contain("still held its standard output open"));
            Assert.That(results.Runs[2].Outcome, Is.EqualTo(Outcome.Pass), results.Runs[2].Judgement.Detail);
            Assert.That(results.Runs[3].Outcome, Is.EqualTo(Outcome.Pass));
            Assert.That(IsAlive(pid), Is.False, $"the setsid child {pid} outlived the harness");
            Assert.That(SleepProcesses("283"), Is.Empty);
        });
    }

    [Test]
    public async Task HarnessThatNeverAnswersStartCannotBeRun()
    {
        await using var harness = new SubprocessImplementation(TestFixtures.Harness("no_start.py"), new SubprocessOptions { StartTimeout = TimeSpan.FromSeconds(1) });
        var results = await new ConformanceRunner().RunAsync(TestFixtures.Robustness(), "robustness", harness);
        Assert.Multiple(() =>
        {
            Assert.That(results.StartError, Does.Contain("no reply to start"));
            Assert.That(results.StartError, Does.Contain("thinking about start forever"));
            Assert.That(results.Runs, Is.Empty);
            Assert.That(results.Selected, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task HarnessThatExitsAtOnceCannotBeRun()
    {
        await using var harness = new SubprocessImplementation("echo 'no such library' >&2; exit 7");
        var results = await new ConformanceRunner().RunAsync(TestFixtures.Robustness(), "robustness", harness);
        Assert.That(results.StartError, Does.Contain("exited with code 7").And.Contain("no such library"));
    }

    [Test]
    public async Task HarnessThatDeclaresAnotherVersionCannotBeRun()
    {
        await using var harness = new SubprocessImplementation("read line; echo '{\"version\": 2, \"implementation\": {}}'; sleep 5");
        var results = await new ConformanceRunner().RunAsync(TestFixtures.Robustness(), "robustness", harness);
        Assert.That(results.StartError, Does.Contain("protocol version 2"));
    }

    [Test]
    public async Task HarnessThatCrashesOnEveryCaseEndsEveryCaseCrashed()
    {
        // Answers start, then dies on the first run, every time it is started.
        const string script = """read line; echo '{"version":1,"implementation":{"name":"x","language":"sh","version":"1","drafts":["01"],"operations":["dag"]}}'; read line; exit 9""";
        await using var harness = new SubprocessImplementation(script);
        var results = await new ConformanceRunner(new RunnerOptions { Timeout = CaseTimeout }).RunAsync(TestFixtures.Robustness(), "robustness", harness);
        Assert.That(results.Runs.Select(r => r.Outcome), Is.All.EqualTo(Outcome.Crashed));
        Assert.That(results.Runs[0].Judgement.Detail, Does.Contain("exited with code 9"));
    }

    private static List<int> SleepProcesses(string seconds) =>
        System.Diagnostics.Process.GetProcessesByName("sleep")
            .Where(p => ReadCommandLine(p.Id) == $"sleep\0{seconds}\0")
            .Select(p => p.Id)
            .ToList();

    /// <summary>True while the process exists and is not a zombie waiting for its parent (init here) to reap it.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
