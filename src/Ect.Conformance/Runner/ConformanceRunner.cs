using System.Diagnostics;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Subprocess;

namespace Ect.Conformance.Runner;

/// <summary>
/// Carries out a suite against one implementation: selects runs, sends only those the
/// implementation declared, judges every reply and times it. Each instance answers one request at
/// a time, and a case (all its tokens) is one request, so a verifier's state never leaves its case;
/// with several instances (<c>--jobs</c>) the runs are shared among them and the results still come
/// back in selection order, the same as with one. Never throws for anything the implementation
/// does; a harness that never answers <c>start</c> comes back as <see cref="RunResults.StartError"/>.
/// </summary>
public sealed class ConformanceRunner(RunnerOptions options)
{
    public ConformanceRunner()
        : this(new RunnerOptions())
    {
    }

    public Task<RunResults> RunAsync(VectorSuite suite, string suitePath, IImplementation implementation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return RunAsync(suite, suitePath, [implementation], cancellationToken);
    }

    /// <summary>
    /// Runs the suite on several instances of one implementation at once (each its own process for a
    /// harness). Every instance must declare the same; the first one's declaration is the run's.
    /// </summary>
    public async Task<RunResults> RunAsync(VectorSuite suite, string suitePath, IReadOnlyList<IImplementation> instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(instances);
        if (instances.Count == 0)
        {
            throw new ArgumentException("at least one instance is needed", nameof(instances));
        }

        var implementation = instances[0];
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var selected = suite.Runs().Where(options.Filter.Matches).ToList();
        var suiteInfo = SuiteInfo.Describe(suite, suitePath);

        ImplementationInfo info;
        try
        {
            var declarations = await Task.WhenAll(instances.Select(i => i.StartAsync(cancellationToken))).ConfigureAwait(false);
            info = declarations[0];
            if (declarations.Skip(1).FirstOrDefault(d => d.ToJson().ToJsonString() != info.ToJson().ToJsonString()) is { } other)
            {
                throw new HarnessStartException($"the instances declared different things ({info.Name} {info.Version} and {other.Name} {other.Version}); a harness must declare the same every time it starts");
            }
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

        foreach (var instance in instances)
        {
            // What the harness said while starting is in the session log; it explains no case.
            (instance as IHarnessDiagnostics)?.TakeCaseLog();
        }

        var isFailure = options.IsFailure ?? (r => r.Declared && r.Outcome != Outcome.Pass);
        var slots = new RunResult?[selected.Count];
        var next = -1;
        var done = 0;
        var failed = false;
        var progressGate = new Lock();

        // Each worker owns one instance (its seq counts from 1, as a session's must) and takes the next run until none is left.
        async Task WorkAsync(IImplementation instance)
        {
            long seq = 0;
            while (!Volatile.Read(ref failed))
            {
                var index = Interlocked.Increment(ref next);
                if (index >= selected.Count)
                {
                    return;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var run = selected[index];
                var result = NotDeclared(run, info) is { } reason
                    ? new RunResult(run, new Judgement(Outcome.Skipped, reason), TimeSpan.Zero) { Declared = false }
                    : await ExecuteAsync(run, ++seq, instance, cancellationToken).ConfigureAwait(false);
                slots[index] = result;
                lock (progressGate)
                {
                    done++;
                    options.Progress?.Invoke(new RunProgress(done, selected.Count, result));
                }

                if (options.FailFast && isFailure(result))
                {
                    Volatile.Write(ref failed, true);
                }
            }
        }

        await Task.WhenAll(instances.Select(i => Task.Run(() => WorkAsync(i), cancellationToken))).ConfigureAwait(false);
        var results = slots.Where(r => r is not null).Select(r => r!).ToList();
        var stoppedEarly = results.Count < selected.Count;

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
            Restarts = instances.Sum(i => (i as IHarnessDiagnostics)?.Restarts ?? 0),
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
