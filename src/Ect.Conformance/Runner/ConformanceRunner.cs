using System.Diagnostics;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Runner;

/// <summary>
/// Carries out a suite against one implementation: selects runs, sends only those the
/// implementation declared, judges every reply and times it. Sequential on purpose: a verifier's
/// state belongs to one case, and a harness answers one request at a time. Never throws for
/// anything the implementation does; a harness that never answers <c>start</c> comes back as
/// <see cref="RunResults.StartError"/>.
/// </summary>
public sealed class ConformanceRunner(RunnerOptions options)
{
    public ConformanceRunner()
        : this(new RunnerOptions())
    {
    }

    public async Task<RunResults> RunAsync(VectorSuite suite, string suitePath, IImplementation implementation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(implementation);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var selected = suite.Runs().Where(options.Filter.Matches).ToList();
        var results = new List<RunResult>(selected.Count);
        var suiteInfo = SuiteInfo.Describe(suite, suitePath);

        ImplementationInfo info;
        try
        {
            info = await implementation.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new RunResults
            {
                Suite = suiteInfo,
                Filter = options.Filter,
                Timeout = options.Timeout,
                Started = started,
                Duration = clock.Elapsed,
                Runs = [],
                Selected = selected.Count,
                StartError = e.Message,
                HarnessLog = (implementation as IHarnessDiagnostics)?.SessionLog,
            };
        }

        // What the harness said while starting is in the session log; it explains no case.
        (implementation as IHarnessDiagnostics)?.TakeCaseLog();
        var isFailure = options.IsFailure ?? (r => r.Declared && r.Outcome != Outcome.Pass);
        var stoppedEarly = false;
        long seq = 0;
        foreach (var run in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = NotDeclared(run, info) is { } reason
                ? new RunResult(run, new Judgement(Outcome.Skipped, reason), TimeSpan.Zero) { Declared = false }
                : await ExecuteAsync(run, ++seq, implementation, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            options.Progress?.Invoke(new RunProgress(results.Count, selected.Count, result));
            if (options.FailFast && isFailure(result))
            {
                stoppedEarly = results.Count < selected.Count;
                break;
            }
        }

        var diagnostics = implementation as IHarnessDiagnostics;
        return new RunResults
        {
            Suite = suiteInfo,
            Implementation = info,
            Filter = options.Filter,
            Timeout = options.Timeout,
            Started = started,
            Duration = clock.Elapsed,
            Runs = results,
            Selected = selected.Count,
            StoppedEarly = stoppedEarly,
            Restarts = diagnostics?.Restarts ?? 0,
            HarnessLog = diagnostics?.SessionLog,
        };
    }

    /// <summary>Why a run is not sent (harness protocol §2), or null when the implementation declared everything it needs.</summary>
    public static string? NotDeclared(CaseRun run, ImplementationInfo info)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(info);
        var missing = new List<string>();
        if (!info.Drafts.Contains(run.Draft))
        {
            missing.Add($"draft {run.Draft}");
        }

        if (!info.Operations.Contains(run.Case.Operation))
        {
            missing.Add($"operation {run.Case.Operation}");
        }

        missing.AddRange(run.Case.Features.Where(f => !info.Features.Contains(f)).Select(f => $"feature {f}"));
        return missing.Count == 0 ? null : $"not declared: {string.Join(", ", missing)}";
    }

    private async Task<RunResult> ExecuteAsync(CaseRun run, long seq, IImplementation implementation, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        HarnessReply reply;
        try
        {
            reply = await implementation.RunAsync(seq, run.ToRequestCase(), options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An in-process implementation that throws is that case's error, not the end of the run.
            reply = HarnessReply.Errored($"the implementation threw {e.GetType().Name}: {e.Message}");
        }

        var duration = clock.Elapsed;
        Judgement judgement;
        try
        {
            judgement = Judge.Evaluate(run.Case, reply);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            // The case itself is broken (e.g. no expected.results): say so instead of stopping.
            judgement = new Judgement(Outcome.Errored, $"the case could not be judged: {e.Message}") { Actual = reply.Results };
        }

        // The reply was judged whole; what is kept of it for the reports is bounded.
        judgement = KeptReply.Bound(judgement);
        return new RunResult(run, judgement, duration)
        {
            Stderr = (implementation as IHarnessDiagnostics)?.TakeCaseLog(),
            ReplyMessage = reply.Kind == ReplyKind.Results ? null : reply.Message,
        };
    }
}
