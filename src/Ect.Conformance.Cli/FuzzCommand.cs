using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;
using Ect.Conformance.Protocol;
using Ect.Conformance.Reference;
using Ect.Conformance.Subprocess;

namespace Ect.Conformance.Cli;

/// <summary>
/// <c>ect-conformance fuzz</c>: generated cases against one implementation, each judged against the
/// reference engine's answer as a vector is, with every distinct disagreement shrunk and written
/// as a vector.
/// </summary>
internal sealed class FuzzCommand
{
    private readonly Option<string?> _impl = new("--impl") { Description = "An in-process implementation: reference (the suite's own engine)", HelpName = "NAME" };
    private readonly Option<string?> _harness = new("--harness") { Description = "A protocol-v1 harness command line, run as run runs it", HelpName = "COMMAND" };
    private readonly Option<string?> _seed = new("--seed") { Description = "The seed (a whole number); the same seed draws the same cases. Default: a random one, printed", HelpName = "SEED" };
    private readonly Option<string?> _cases = new("--cases") { Description = $"Stop after this many cases (default {FuzzCampaign.DefaultCases} when --seconds is not given either)", HelpName = "N" };
    private readonly Option<string?> _seconds = new("--seconds") { Description = "Stop generating after this many seconds", HelpName = "SECONDS" };
    private readonly Option<string[]> _operation = Multi("--operation", "verify, dag, create, migrate or http-header; repeatable", "OP");
    private readonly Option<string[]> _draft = Multi("--draft", "Mode: 00 or 01; repeatable", "DRAFT");
    private readonly Option<string[]> _rule = Multi("--rule", "Only cases a generator aims at this rule (DAG-3); repeatable", "RULE");
    private readonly Option<string[]> _feature = Multi("--feature", "Only cases that need this feature (http-header); repeatable", "FEATURE");
    private readonly Option<string?> _out = new("--out") { Description = "Where findings/*.yaml, fuzz-report.json and fuzz-report.md are written", HelpName = "DIR" };
    private readonly Option<string?> _timeout = new("--timeout") { Description = "Time limit per case, in seconds (default 5)", HelpName = "SECONDS" };
    private readonly Option<string?> _startTimeout = new("--start-timeout") { Description = "Time the harness may take to answer start, in seconds (default 20)", HelpName = "SECONDS" };
    private readonly Option<bool> _strictDiagnosis = new("--strict-diagnosis") { Description = "A right verdict with another error code also fails (exit 1)" };
    private readonly Option<bool> _noShrink = new("--no-shrink") { Description = "Report each disagreement as generated, without shrinking it" };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new FuzzCommand();
        var command = new Command("fuzz", "Generate cases, ask the implementation and the reference engine, and report every disagreement.")
        {
            o._impl, o._harness, o._seed, o._cases, o._seconds, o._operation, o._draft, o._rule, o._feature, o._out, o._timeout, o._startTimeout, o._strictDiagnosis, o._noShrink,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await o.ExecuteAsync(parse, stdout, cancellationToken).ConfigureAwait(false);
            }
            catch (UsageException e)
            {
                await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unusable;
            }
        });
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parse, TextWriter stdout, CancellationToken cancellationToken)
    {
        var impl = parse.GetValue(_impl);
        var harness = parse.GetValue(_harness);
        if (impl is not null && impl != ImplementationSpec.Reference)
        {
            throw new UsageException($"unknown --impl {impl}: the in-process implementation is \"reference\"; use --harness for others");
        }

        if ((impl is null) == (harness is null))
        {
            throw new UsageException("name one implementation to fuzz: --impl reference or --harness \"COMMAND\"");
        }

        if (harness is not null && harness.Trim().Length == 0)
        {
            throw new UsageException("--harness needs a command line");
        }

        var operations = parse.GetValue(_operation) ?? [];
        foreach (var operation in operations.Where(op => !CaseOperation.All.Contains(op)))
        {
            throw new UsageException($"--operation {operation}: the operations are {string.Join(", ", CaseOperation.All)}");
        }

        var drafts = parse.GetValue(_draft) ?? [];
        foreach (var draft in drafts.Where(d => d is not ("00" or "01")))
        {
            throw new UsageException($"--draft {draft}: the modes are 00 and 01");
        }

        var features = parse.GetValue(_feature) ?? [];
        foreach (var feature in features.Where(f => f != "http-header"))
        {
            throw new UsageException($"--feature {feature}: the fuzzer generates cases of the feature http-header only");
        }

        var rules = parse.GetValue(_rule) ?? [];
        var seed = parse.GetValue(_seed) is { } seedText
            ? ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw new UsageException($"--seed takes a whole number from 0 to {ulong.MaxValue}, not \"{seedText}\"")
            : BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) % 1_000_000_000;
        var cases = parse.GetValue(_cases) is { } casesText
            ? long.TryParse(casesText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : throw new UsageException($"--cases takes a whole number of at least 1, not \"{casesText}\"")
            : (long?)null;
        var seconds = OptionalSeconds(parse.GetValue(_seconds), "--seconds");
        var timeout = OptionalSeconds(parse.GetValue(_timeout), "--timeout") ?? 5;
        var startTimeout = OptionalSeconds(parse.GetValue(_startTimeout), "--start-timeout") ?? 20;
        var strict = parse.GetValue(_strictDiagnosis);
        var outDir = parse.GetValue(_out);

        var replay = string.Join(' ', new[]
        {
            "ect-conformance fuzz",
            harness is null ? "--impl reference" : $"--harness {Quote(harness)}",
            $"--seed {seed.ToString(CultureInfo.InvariantCulture)}",
        }.Concat(operations.Select(op => $"--operation {op}")).Concat(drafts.Select(d => $"--draft {d}")).Concat(rules.Select(r => $"--rule {r}")).Concat(features.Select(f => $"--feature {f}")));
        var settings = new FuzzSettings
        {
            Seed = seed,
            MaxCases = cases,
            Duration = seconds is { } bound ? TimeSpan.FromSeconds(bound) : null,
            Operations = operations,
            Drafts = drafts,
            Features = features,
            Rules = rules,
            Timeout = TimeSpan.FromSeconds(timeout),
            Shrink = !parse.GetValue(_noShrink),
            StrictDiagnosis = strict,
            ReplayCommand = replay,
        };

        var bounds = (cases, seconds) switch
        {
            (null, null) => $"{FuzzCampaign.DefaultCases} cases",
            ({ } c, null) => $"{c} cases",
            (null, { } t) => $"{t} s",
            ({ } c, { } t) => $"{c} cases or {t} s",
        };
        await stdout.WriteLineAsync($"ect-conformance {Reports.ResultsDocument.RunnerVersion} fuzz: seed {seed}, {bounds}, against {(harness is null ? "--impl reference" : "--harness " + harness)}").ConfigureAwait(false);
        // The in-process reference runs a case on every core (the campaign takes the results in case
        // order, so the report is the same); a harness is one process answering one case at a time.
        IReadOnlyList<IImplementation> instances = harness is null
            ? [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new ReferenceImplementation())]
            : [new SubprocessImplementation(harness, new SubprocessOptions { StartTimeout = TimeSpan.FromSeconds(startTimeout) })];
        FuzzReport report;
        await using (new AsyncDisposables(instances).ConfigureAwait(false))
        {
            report = await new FuzzCampaign(settings).RunAsync(instances, cancellationToken).ConfigureAwait(false);
        }

        await stdout.WriteAsync(FuzzReportWriter.Text(report, strict)).ConfigureAwait(false);
        if (outDir is not null && report.StartError is null)
        {
            Write(report, outDir, strict);
            await stdout.WriteLineAsync($"fuzz: {report.Findings.Count} finding(s) in {Path.Combine(outDir, "findings")}, reports {Path.Combine(outDir, "fuzz-report.md")} and fuzz-report.json").ConfigureAwait(false);
        }

        return report.ExitCode(strict);
    }

    private static void Write(FuzzReport report, string directory, bool strict)
    {
        try
        {
            var findings = Path.Combine(directory, "findings");
            Directory.CreateDirectory(findings);
            foreach (var stale in Directory.EnumerateFiles(findings, "fuzz.*.yaml"))
            {
                File.Delete(stale);
            }

            foreach (var finding in report.Findings)
            {
                File.WriteAllText(Path.Combine(findings, FuzzReportWriter.FileName(finding)), FindingYaml.Write(finding, report.ReplayCommand));
            }

            File.WriteAllText(Path.Combine(directory, "fuzz-report.json"), JsonText.Pretty(FuzzReportWriter.Json(report, strict), indentDepth: 64) + "\n");
            File.WriteAllText(Path.Combine(directory, "fuzz-report.md"), FuzzReportWriter.Markdown(report, strict));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the findings to {directory}: {e.Message}", e);
        }
    }

    private static double? OptionalSeconds(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 86_400
            ? value
            : throw new UsageException($"{name} takes a number of seconds above 0 and at most 86400 (a day), not \"{text}\"");
    }

    private static string Quote(string text) => text.Contains('\'', StringComparison.Ordinal) ? $"\"{text}\"" : $"'{text}'";

    private static Option<string[]> Multi(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
