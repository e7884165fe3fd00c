using System.CommandLine;
using Ect.Conformance.Cases;
using Ect.Conformance.Expectations;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;
using Ect.Conformance.Reports;
using Ect.Conformance.Runner;
using Ect.Conformance.Subprocess;

namespace Ect.Conformance.Cli;

/// <summary><c>ect-conformance run</c>: the suite against one implementation, with a summary and reports.</summary>
internal sealed class RunCommand
{
    private readonly Option<string?> _impl = new("--impl") { Description = "An in-process implementation: reference (the suite's own engine)", HelpName = "NAME" };
    private readonly Option<string[]> _harness = new("--harness")
    {
        Description = "A protocol-v1 harness command line, run in the current directory (directly, or with /bin/sh -c when it uses shell syntax); NAME=COMMAND names it; repeatable to judge several side by side",
        HelpName = "COMMAND",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _implementations = new("--implementations") { Description = "A YAML file of implementations to judge side by side (name, command or \"reference\", expectations, homepage)", HelpName = "FILE" };
    private readonly Option<string?> _vectors = new("--vectors") { Description = "A vectors folder or a compiled bundle (vectors/dist/ect-vectors.json); default: the corpus built into this tool", HelpName = "PATH" };
    private readonly Option<string[]> _id = Multi("--id", "Case id or run key glob (dag::*, *@00); repeatable", "GLOB");
    private readonly Option<string[]> _rule = Multi("--rule", "Rule id or glob (DAG-3, DAG-*); repeatable", "RULE");
    private readonly Option<string[]> _topic = Multi("--topic", "Topic (first segment of the case id); repeatable", "TOPIC");
    private readonly Option<string[]> _draft = Multi("--draft", "Mode: 00 or 01; repeatable", "DRAFT");
    private readonly Option<string[]> _feature = Multi("--feature", "Only cases that need this feature; repeatable", "FEATURE");
    private readonly Option<string[]> _operation = Multi("--operation", "verify, dag, create, migrate or http-header; repeatable", "OP");
    private readonly Option<double> _timeout = Seconds("--timeout", "Time limit per case, in seconds", 5);
    private readonly Option<double> _startTimeout = Seconds("--start-timeout", "Time the harness may take to answer start, in seconds", 20);
    private readonly Option<int> _jobs = new("--jobs")
    {
        Description = "Instances of the implementation to run side by side, sharing the cases (results are the same as with 1)",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var jobs) && jobs is >= 1 and <= MaxJobs)
            {
                return jobs;
            }

            result.AddError($"--jobs takes a whole number from 1 to {MaxJobs}, not \"{text}\"");
            return 1;
        },
    };

    private readonly Option<bool> _strictProtocol = new("--strict-protocol")
    {
        Description = "Also hold every harness reply to the protocol's JSON Schemas (docs/schemas/protocol); a run reply that breaks them is errored",
    };

    private readonly Option<bool> _failFast = new("--fail-fast") { Description = "Stop at the first run that does not pass (or does not match its expectation)" };
    private readonly Option<string?> _expectationsFile = new("--expectations") { Description = "YAML file of known deviations (run key or case id -> outcome, reason, issue)", HelpName = "FILE" };
    private readonly Option<bool> _updateExpectations = new("--update-expectations") { Description = "Rewrite the --expectations file from this run's results" };
    private readonly Option<string> _reportDir = new("--report-dir") { Description = "Where results.json, junit.xml, report.md and report.html are written", DefaultValueFactory = _ => "reports", HelpName = "DIR" };

    public static Command Create(TextWriter stdout, TextWriter stderr, bool interactive)
    {
        var o = new RunCommand();
        var command = new Command("run", "Run the vectors against an implementation and write reports.")
        {
            o._impl, o._harness, o._implementations, o._vectors, o._id, o._rule, o._topic, o._draft, o._feature, o._operation, o._timeout, o._startTimeout, o._jobs, o._strictProtocol, o._failFast,
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
        RequireSelection(suite, settings.Filter);
        if (settings.Implementations.Count == 1)
        {
            var only = await RunOneAsync(settings, settings.Implementations[0], suite, settings.ReportDir, stdout, interactive, cancellationToken).ConfigureAwait(false);
            return only.ExitCode;
        }

        // Several implementations: each gets its own folder of reports, and the report folder a combined summary.
        var entries = new List<CombinedReport.Entry>();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in settings.Implementations)
        {
            var staging = Path.Combine(settings.ReportDir, $".running-{entries.Count + 1}");
            var outcome = await RunOneAsync(settings, spec, suite, staging, stdout, interactive, cancellationToken).ConfigureAwait(false);
            var name = spec.Name ?? outcome.Report?.Results.Implementation?.Name ?? $"implementation-{entries.Count + 1}";
            var folder = UniqueFolder(name, folders);
            var target = Path.Combine(settings.ReportDir, folder);
            if (Directory.Exists(staging))
            {
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                Directory.Move(staging, target);
            }

            entries.Add(new CombinedReport.Entry(name, spec.Describe(), spec.Homepage ?? outcome.Report?.Results.Implementation?.Homepage, folder, outcome.ExitCode, outcome.Report));
        }

        var combined = new CombinedReport(entries, SuiteInfo.Describe(suite, settings.Vectors ?? BuiltInCorpus.DisplayName));
        await stdout.WriteAsync(combined.RenderText()).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(settings.ReportDir);
            await File.WriteAllTextAsync(Path.Combine(settings.ReportDir, "report.md"), combined.RenderMarkdown(), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(settings.ReportDir, "report.html"), combined.RenderHtml(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write reports to {settings.ReportDir}: {e.Message}", e);
        }

        await stdout.WriteLineAsync($"reports: {Path.Combine(settings.ReportDir, "report.html")} (each implementation's in its own folder)").ConfigureAwait(false);
        return combined.ExitCode;
    }

    private static string UniqueFolder(string name, HashSet<string> taken)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray()).Trim('.');
        safe = safe.Length == 0 ? "implementation" : safe[..Math.Min(safe.Length, 64)];
        var folder = safe;
        for (var n = 2; !taken.Add(folder); n++)
        {
            folder = $"{safe}-{n}";
        }

        return folder;
    }

    private static async Task<(int ExitCode, ConformanceReport? Report)> RunOneAsync(
        RunSettings settings, ImplementationSpec spec, VectorSuite suite, string reportDir, TextWriter stdout, bool interactive, CancellationToken cancellationToken)
    {
        var expectationsPath = spec.ExpectationsPath;
        var expectations = expectationsPath is { } path && (File.Exists(path) || !settings.UpdateExpectations)
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

        var instances = Enumerable.Range(0, settings.Jobs).Select(_ => CreateImplementation(spec, settings)).ToList();
        await using var disposeAll = new AsyncDisposables(instances);
        var selected = suite.Runs().Count(settings.Filter.Matches);
        var suitePath = settings.Vectors ?? BuiltInCorpus.DisplayName;
        await stdout.WriteLineAsync($"ect-conformance {ResultsDocument.RunnerVersion}: corpus {suite.Version} ({suite.ContentHash}), {suite.Cases.Count} cases in {suitePath}, {selected} run(s) selected, against {spec.Describe()}").ConfigureAwait(false);
        var results = await new ConformanceRunner(options).RunAsync(suite, suitePath, instances, cancellationToken).ConfigureAwait(false);
        progress.Finish();

        if (settings.UpdateExpectations && results.StartError is null)
        {
            expectations = ExpectationUpdater.Rewrite(expectations, results, suite);
            var header = $"Known deviations of {results.Implementation!.Name} from the ECT conformance vectors.\n"
                + "Written by ect-conformance run --update-expectations; keys are run keys (id@00, id@01) or case ids (every mode).\n"
                + "Outcomes: pass-verdict, fail, skipped, errored, timeout, crashed. Replace every \"TODO: explain\" with the reason.";
            await File.WriteAllTextAsync(expectationsPath!, expectations.Serialize(header), cancellationToken).ConfigureAwait(false);
            var todo = expectations.Entries.Values.Count(e => e.Reason == ExpectationFile.TodoReason);
            await stdout.WriteLineAsync($"expectations: wrote {expectations.Entries.Count} entr{(expectations.Entries.Count == 1 ? "y" : "ies")} to {expectationsPath} ({todo} need a reason)").ConfigureAwait(false);
        }

        var report = new ConformanceReport(results, ExpectationEvaluator.Evaluate(expectations, results, suite, expectationsPath)) { Notes = FlagNotes.Of(suite.Notes) };
        await stdout.WriteAsync(TextReport.Render(report)).ConfigureAwait(false);
        if (results.StartError is not null)
        {
            return (report.ExitCode, null);
        }

        WriteReports(report, reportDir);
        await stdout.WriteLineAsync($"reports: {Path.Combine(reportDir, "report.html")} (also results.json, junit.xml, report.md, profile.md)").ConfigureAwait(false);
        return (report.ExitCode, report);
    }

    /// <summary>A filter that selects no run is a mistake (a typo in a CI step), never a green run of nothing.</summary>
    private static void RequireSelection(VectorSuite suite, RunFilter filter)
    {
        var runs = suite.Runs().ToList();
        if (runs.Any(filter.Matches))
        {
            return;
        }

        if (filter.IsEmpty)
        {
            throw new UsageException("the corpus holds no run");
        }

        var nothing = filter.ValuesSelectingNothing(runs);
        var given = string.Join(" ", filter.Describe().SelectMany(p => p.Value.Select(v => $"--{p.Key} {v}")));
        throw new UsageException(nothing.Count > 0
            ? $"{string.Join(", ", nothing)} select{(nothing.Count == 1 ? "s" : "")} no run of the corpus ({suite.Version}, {runs.Count} runs); check the spelling"
                + (nothing.Any(n => n.StartsWith("--topic ", StringComparison.Ordinal)) ? $" (the topics are {string.Join(", ", suite.Cases.Select(c => c.Topic).Distinct())})" : "")
            : $"the filter {given} selects no run: no run matches all of it at once");
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
        var harnesses = parse.GetValue(_harness) ?? [];
        var implementationsFile = parse.GetValue(_implementations);
        if (impl is not null && impl != ImplementationSpec.Reference)
        {
            throw new UsageException($"unknown --impl {impl}: the in-process implementation is \"reference\"; use --harness for others");
        }

        if (harnesses.Any(h => h.Trim().Length == 0))
        {
            throw new UsageException("--harness needs a command line");
        }

        var specs = new List<ImplementationSpec>();
        if (impl is not null)
        {
            specs.Add(new ImplementationSpec { Name = ImplementationSpec.Reference });
        }

        specs.AddRange(harnesses.Select(ImplementationSpec.FromHarnessOption));
        if (implementationsFile is not null)
        {
            specs.AddRange(ImplementationsFile.Load(implementationsFile));
        }

        if (specs.Count == 0)
        {
            throw new UsageException("name what to judge: --impl reference, --harness \"COMMAND\" (repeatable) or --implementations FILE");
        }

        var vectors = parse.GetValue(_vectors);
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
        var expectations = parse.GetValue(_expectationsFile);
        var update = parse.GetValue(_updateExpectations);
        if (update && expectations is null)
        {
            throw new UsageException("--update-expectations needs --expectations FILE (the file to write)");
        }

        if (specs.Count > 1 && (expectations is not null || update))
        {
            throw new UsageException("--expectations and --update-expectations judge one implementation; with several, give each its expectations in --implementations FILE");
        }

        if (expectations is not null)
        {
            specs[0] = specs[0] with { ExpectationsPath = expectations };
        }

        return new RunSettings
        {
            Implementations = specs,
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
            StrictProtocol = parse.GetValue(_strictProtocol),
            Jobs = parse.GetValue(_jobs),
            UpdateExpectations = update,
            ReportDir = parse.GetValue(_reportDir) ?? "reports",
        };
    }

    private static VectorSuite LoadSuite(string? path)
    {
        try
        {
            return path is null ? BuiltInCorpus.Load() : VectorSuite.LoadPath(path);
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

    private static IImplementation CreateImplementation(ImplementationSpec spec, RunSettings settings) => spec.Command is { } harness
        ? new SubprocessImplementation(harness, new SubprocessOptions { StartTimeout = settings.StartTimeout, StrictProtocol = settings.StrictProtocol })
        : new ReferenceImplementation();

    private const double MaxSeconds = 86_400;

    // Past this a run would start more processes than any machine has cores for; it is a typo, not a plan.
    private const int MaxJobs = 256;

    /// <summary>A positive number of seconds, with a message that says so instead of naming a .NET type.</summary>
    private static Option<double> Seconds(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        HelpName = "SECONDS",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && seconds > 0 && seconds <= MaxSeconds)
            {
                return seconds;
            }

            result.AddError($"{name} takes a number of seconds above 0 and at most {MaxSeconds} (a day), such as 5 or 0.5, not \"{text}\"");
            return defaultValue;
        },
    };

    private static Option<string[]> Multi(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
