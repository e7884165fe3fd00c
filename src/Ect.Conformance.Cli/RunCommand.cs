using System.CommandLine;
using Ect.Conformance.Cases;
using Ect.Conformance.Expectations;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;
using Ect.Conformance.Reports;
using Ect.Conformance.Runner;

namespace Ect.Conformance.Cli;

/// <summary><c>ect-conformance run</c>: the suite against one implementation, with a summary and reports.</summary>
internal sealed class RunCommand
{
    private readonly Option<string?> _impl = new("--impl") { Description = "An in-process implementation: reference (the suite's own engine)", HelpName = "NAME" };
    private readonly Option<string?> _harness = new("--harness") { Description = "A protocol-v1 harness command line, run in the current directory (directly, or with /bin/sh -c when it uses shell syntax)", HelpName = "COMMAND" };
    private readonly Option<string?> _vectors = new("--vectors") { Description = "The vector folder (default: vectors/ of the repository around the current directory or the tool)", HelpName = "DIR" };
    private readonly Option<string[]> _id = Multi("--id", "Case id or run key glob (dag::*, *@00); repeatable", "GLOB");
    private readonly Option<string[]> _rule = Multi("--rule", "Rule id or glob (DAG-3, DAG-*); repeatable", "RULE");
    private readonly Option<string[]> _topic = Multi("--topic", "Topic (first segment of the case id); repeatable", "TOPIC");
    private readonly Option<string[]> _draft = Multi("--draft", "Mode: 00 or 01; repeatable", "DRAFT");
    private readonly Option<string[]> _feature = Multi("--feature", "Only cases that need this feature; repeatable", "FEATURE");
    private readonly Option<string[]> _operation = Multi("--operation", "verify, dag, create, migrate or http-header; repeatable", "OP");
    private readonly Option<double> _timeout = new("--timeout") { Description = "Time limit per case, in seconds", DefaultValueFactory = _ => 5, HelpName = "SECONDS" };
    private readonly Option<double> _startTimeout = new("--start-timeout") { Description = "Time the harness may take to answer start, in seconds", DefaultValueFactory = _ => 20, HelpName = "SECONDS" };
    private readonly Option<bool> _failFast = new("--fail-fast") { Description = "Stop at the first run that does not pass (or does not match its expectation)" };
    private readonly Option<string?> _expectationsFile = new("--expectations") { Description = "YAML file of known deviations (run key or case id -> outcome, reason, issue)", HelpName = "FILE" };
    private readonly Option<bool> _updateExpectations = new("--update-expectations") { Description = "Rewrite the --expectations file from this run's results" };
    private readonly Option<string> _reportDir = new("--report-dir") { Description = "Where results.json, junit.xml, report.md and report.html are written", DefaultValueFactory = _ => "reports", HelpName = "DIR" };

    public static Command Create(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var o = new RunCommand();
        var command = new Command("run", "Run the vectors against an implementation and write reports.")
        {
            o._impl, o._harness, o._vectors, o._id, o._rule, o._topic, o._draft, o._feature, o._operation, o._timeout, o._startTimeout, o._failFast,
            o._expectationsFile, o._updateExpectations, o._reportDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await ExecuteAsync(o.Settings(parse), stdout, interactive, cancellationToken).ConfigureAwait(false);
            }
            catch (UsageException e)
            {
                await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unusable;
            }
        });
        return command;
    }

    public static async Task<int> ExecuteAsync(RunSettings settings, TextWriter stdout, bool interactive, CancellationToken cancellationToken)
    {
        var suite = LoadSuite(settings.Vectors);
        var expectations = settings.ExpectationsPath is { } path && (File.Exists(path) || !settings.UpdateExpectations)
            ? LoadExpectations(path)
            : ExpectationFile.Empty;
        var progress = new ProgressPrinter(stdout, interactive);
        var options = new RunnerOptions
        {
            Filter = settings.Filter,
            Timeout = settings.Timeout,
            FailFast = settings.FailFast,
            // With --update-expectations the file is about to change, so only a pass counts as success.
            IsFailure = settings.UpdateExpectations
                ? null
                : r => ExpectationEvaluator.Evaluate(expectations.Find(r.Run), r).Status == ExpectationStatus.Unexpected,
            Progress = progress.Report,
        };

        await using var implementation = CreateImplementation(settings);
        var what = settings.Harness is null ? $"--impl {settings.Impl}" : $"--harness {settings.Harness}";
        var selected = suite.Runs().Count(settings.Filter.Matches);
        await stdout.WriteLineAsync($"ect-conformance {ResultsDocument.RunnerVersion}: {suite.Cases.Count} cases in {settings.Vectors}, {selected} run(s) selected, against {what}").ConfigureAwait(false);
        var results = await new ConformanceRunner(options).RunAsync(suite, settings.Vectors, implementation, cancellationToken).ConfigureAwait(false);
        progress.Finish();

        if (settings.UpdateExpectations && results.StartError is null)
        {
            expectations = ExpectationUpdater.Rewrite(expectations, results, suite);
            var header = $"Known deviations of {results.Implementation!.Name} from the ECT conformance vectors.\n"
                + "Written by ect-conformance run --update-expectations; keys are run keys (id@00, id@01) or case ids (every mode).\n"
                + "Outcomes: pass-verdict, fail, skipped, errored, timeout, crashed. Replace every \"TODO: explain\" with the reason.";
            await File.WriteAllTextAsync(settings.ExpectationsPath!, expectations.Serialize(header), cancellationToken).ConfigureAwait(false);
            var todo = expectations.Entries.Values.Count(e => e.Reason == ExpectationFile.TodoReason);
            await stdout.WriteLineAsync($"expectations: wrote {expectations.Entries.Count} entr{(expectations.Entries.Count == 1 ? "y" : "ies")} to {settings.ExpectationsPath} ({todo} need a reason)").ConfigureAwait(false);
        }

        var report = new ConformanceReport(results, ExpectationEvaluator.Evaluate(expectations, results, suite, settings.ExpectationsPath));
        await stdout.WriteAsync(TextReport.Render(report)).ConfigureAwait(false);
        if (results.StartError is null)
        {
            WriteReports(report, settings.ReportDir);
            await stdout.WriteLineAsync($"reports: {Path.Combine(settings.ReportDir, "report.html")} (also results.json, junit.xml, report.md, profile.md)").ConfigureAwait(false);
        }

        return report.ExitCode;
    }

    public static void WriteReports(ConformanceReport report, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            ResultsDocument.Write(report, Path.Combine(directory, "results.json"));
            JUnitReport.Write(report, Path.Combine(directory, "junit.xml"));
            MarkdownReport.Write(report, Path.Combine(directory, "report.md"));
            // report.md links each rule to its anchor here.
            File.WriteAllText(Path.Combine(directory, "profile.md"), ProfileRules.Embedded.Markdown);
            HtmlReport.Write(report, Path.Combine(directory, "report.html"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write reports to {directory}: {e.Message}", e);
        }
    }

    private RunSettings Settings(ParseResult parse)
    {
        var impl = parse.GetValue(_impl);
        var harness = parse.GetValue(_harness);
        if ((impl is null) == (harness is null))
        {
            throw new UsageException("give exactly one of --impl reference or --harness \"COMMAND\"");
        }

        if (impl is not null && impl != "reference")
        {
            throw new UsageException($"unknown --impl {impl}: the in-process implementation is \"reference\"; use --harness for others");
        }

        if (harness is not null && harness.Trim().Length == 0)
        {
            throw new UsageException("--harness needs a command line");
        }

        var vectors = parse.GetValue(_vectors) ?? RepositoryLocator.FindVectors(Environment.CurrentDirectory)
            ?? throw new UsageException($"no vectors folder found (looked for {RepositoryLocator.SolutionFile} with vectors/ above the current directory and the tool): pass --vectors DIR");
        var drafts = parse.GetValue(_draft) ?? [];
        foreach (var draft in drafts.Where(d => d is not ("00" or "01")))
        {
            throw new UsageException($"--draft {draft}: the modes are 00 and 01");
        }

        var operations = parse.GetValue(_operation) ?? [];
        foreach (var operation in operations.Where(o => !CaseOperation.All.Contains(o)))
        {
            throw new UsageException($"--operation {operation}: the operations are {string.Join(", ", CaseOperation.All)}");
        }

        var timeout = parse.GetValue(_timeout);
        var startTimeout = parse.GetValue(_startTimeout);
        if (timeout <= 0 || startTimeout <= 0 || double.IsNaN(timeout) || double.IsNaN(startTimeout))
        {
            throw new UsageException("--timeout and --start-timeout must be positive numbers of seconds");
        }

        var expectations = parse.GetValue(_expectationsFile);
        var update = parse.GetValue(_updateExpectations);
        if (update && expectations is null)
        {
            throw new UsageException("--update-expectations needs --expectations FILE (the file to write)");
        }

        return new RunSettings
        {
            Impl = impl,
            Harness = harness,
            Vectors = vectors,
            Filter = new RunFilter
            {
                Ids = parse.GetValue(_id) ?? [],
                Rules = parse.GetValue(_rule) ?? [],
                Topics = parse.GetValue(_topic) ?? [],
                Drafts = drafts,
                Features = parse.GetValue(_feature) ?? [],
                Operations = operations,
            },
            Timeout = TimeSpan.FromSeconds(timeout),
            StartTimeout = TimeSpan.FromSeconds(startTimeout),
            FailFast = parse.GetValue(_failFast),
            ExpectationsPath = expectations,
            UpdateExpectations = update,
            ReportDir = parse.GetValue(_reportDir) ?? "reports",
        };
    }

    private static VectorSuite LoadSuite(string directory)
    {
        try
        {
            return VectorSuite.Load(directory);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot load the vectors: {e.Message}", e);
        }
    }

    private static ExpectationFile LoadExpectations(string path)
    {
        try
        {
            return ExpectationFile.Load(path);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot load the expectations: {e.Message}", e);
        }
    }

    private static IImplementation CreateImplementation(RunSettings settings) => settings.Harness is { } harness
        ? new SubprocessImplementation(harness, new SubprocessOptions { StartTimeout = settings.StartTimeout })
        : new ReferenceImplementation();

    private static Option<string[]> Multi(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
