using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;
using Ect.Conformance.Runner;
using Ect.Conformance.Subprocess;

namespace Ect.Conformance.Fuzzing;

/// <summary>
/// A differential campaign against one implementation: generate a case, ask the reference
/// (<see cref="Oracle"/>), send what the implementation declared exactly as <c>run</c> does, judge
/// with <see cref="Judge"/>, and keep every distinct disagreement, shrunk. Each case draws from its
/// own generator seeded from the campaign seed and its index, so one case replays without the
/// others, and cases are counted, and their findings made, in index order: the same seed gives the
/// same report on one instance of the implementation or on several. Never stops on a misbehaving
/// implementation: a crash, a timeout or an error is that case's answer.
/// </summary>
internal sealed class FuzzCampaign(FuzzSettings settings)
{
    /// <summary>Called after each generated case with its index and probe, in index order.</summary>
    public Action<long, Probe>? Progress { get; init; }

    public Task<FuzzReport> RunAsync(IImplementation implementation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return RunAsync([implementation], cancellationToken);
    }

    /// <summary>
    /// Runs the campaign on several instances of one implementation, each answering one case at a
    /// time. With one, the next case is drawn and answered by the reference on another core while the
    /// implementation runs this one. With several (in-process instances, which need no process of
    /// their own), whole cases are evaluated on every core at once, and their results are taken in
    /// index order.
    /// </summary>
    public async Task<FuzzReport> RunAsync(IReadOnlyList<IImplementation> instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        if (instances.Count == 0)
        {
            throw new ArgumentException("at least one instance is needed", nameof(instances));
        }

        var clock = Stopwatch.StartNew();
        ImplementationInfo info;
        try
        {
            var declarations = await Task.WhenAll(instances.Select(i => i.StartAsync(cancellationToken))).ConfigureAwait(false);
            info = declarations[0];
            if (declarations.Skip(1).FirstOrDefault(d => d.ToJson().ToJsonString() != info.ToJson().ToJsonString()) is { } other)
            {
                return NotRun($"the instances declared different things ({info.Name} {info.Version} and {other.Name} {other.Version}); an implementation must declare the same every time it starts", null, [], []);
            }

            foreach (var instance in instances)
            {
                (instance as IHarnessDiagnostics)?.TakeCaseLog();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return NotRun(e.Message, null, [], []);
        }

        var (operations, drafts) = Selection(info);
        if (operations.Count == 0 || drafts.Count == 0)
        {
            return NotRun("nothing to generate: the implementation declares none of the operations, modes or features asked for", info, operations, drafts);
        }

        var generator = new CaseGenerator(operations, drafts);
        var pool = new InstancePool(instances);
        var tally = new CampaignTally();

        // A case is started only while the budget allows it (case i when --cases exceeds i and
        // --seconds have not passed), and every case started and sent to the implementation is
        // counted (a drawn case the reference cannot run is sent nowhere, as before).
        bool MayStart(long index) =>
            (settings.MaxCases is not { } max || index < max) && (settings.Duration is not { } duration || clock.Elapsed < duration)
            && (settings.MaxCases is not null || settings.Duration is not null || index < DefaultCases);
        var cases = instances.Count == 1
            ? OneAtATime(generator, pool, info, MayStart, cancellationToken)
            : Together(generator, pool, info, MayStart, cancellationToken);
        await foreach (var (index, drawn, probe) in cases.ConfigureAwait(false))
        {
            if (drawn is null)
            {
                return NotRun($"no generator aims at {string.Join(" or ", settings.Rules)} among the operations {string.Join(", ", operations)}", info, operations, drafts);
            }

            if (probe is null)
            {
                continue;
            }

            var first = tally.Count(probe);
            Progress?.Invoke(index, probe);
            if (first)
            {
                tally.Add(await FindingOfAsync(probe, index, pool, info, cancellationToken).ConfigureAwait(false));
            }
        }

        return new FuzzReport
        {
            Seed = settings.Seed,
            Implementation = info,
            Cases = tally.Cases,
            Skipped = tally.Skipped,
            VerdictDisagreements = tally.VerdictDisagreements,
            DiagnosisDisagreements = tally.DiagnosisDisagreements,
            NoAnswers = tally.NoAnswers,
            Acceptable = tally.Acceptable,
            Restarts = pool.All.Sum(i => (i.Implementation as IHarnessDiagnostics)?.Restarts ?? 0),
            Duration = clock.Elapsed,
            Findings = tally.Findings,
            Operations = operations,
            Drafts = drafts,
            ReplayCommand = settings.ReplayCommand,
        };
    }

    /// <summary>
    /// The cases in index order, run one at a time on the one instance. Each case is drawn and
    /// answered by the reference from its own seed, so the next one is prepared on another core while
    /// the implementation runs this one: the oracle's cost hides behind the implementation's.
    /// </summary>
    private async IAsyncEnumerable<(long Index, FuzzCase? Drawn, Probe? Probe)> OneAtATime(
        CaseGenerator generator, InstancePool pool, ImplementationInfo info, Func<long, bool> mayStart, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ahead = Prepare(generator, 0, cancellationToken);
        try
        {
            for (long index = 0; mayStart(index); index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (drawn, answer) = await ahead.ConfigureAwait(false);
                if (drawn is not { } generated)
                {
                    yield return (index, null, null);
                    yield break;
                }

                ahead = Prepare(generator, index + 1, cancellationToken);
                var probe = await pool.UseAsync(instance => AskAsync(generated, answer, instance, info, cancellationToken), cancellationToken).ConfigureAwait(false);
                yield return (index, generated, probe);
            }
        }
        finally
        {
            // The case prepared ahead that will not be run: nothing outlives the campaign.
            await Settle(ahead).ConfigureAwait(false);
        }
    }

    /// <summary>Cases evaluated ahead of the one taken, per instance: enough to keep every instance busy while one case runs long.</summary>
    private const int AheadPerInstance = 4;

    /// <summary>
    /// The cases in index order, each evaluated whole (drawn, answered by the reference, run on a free
    /// instance, judged) on the thread pool, several at once. A case depends on nothing but its own
    /// seed, and the campaign takes the results in index order, so what it counts and finds is what
    /// <see cref="OneAtATime"/> gives.
    /// </summary>
    private async IAsyncEnumerable<(long Index, FuzzCase? Drawn, Probe? Probe)> Together(
        CaseGenerator generator, InstancePool pool, ImplementationInfo info, Func<long, bool> mayStart, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = AheadPerInstance * pool.All.Count;
        var running = new Queue<Task<(FuzzCase? Drawn, Probe? Probe)>>(window);
        long next = 0;
        try
        {
            for (long index = 0; ; index++)
            {
                while (running.Count < window && mayStart(next))
                {
                    running.Enqueue(Evaluate(generator, next++, pool, info, stop.Token));
                }

                if (!running.TryDequeue(out var head))
                {
                    yield break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var (drawn, probe) = await head.ConfigureAwait(false);
                yield return (index, drawn, probe);
                if (drawn is null)
                {
                    yield break;
                }
            }
        }
        finally
        {
            // Only a campaign that stops early (an error, a rule no generator aims at) leaves cases
            // running; they are never counted, so they are stopped and waited for.
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var task in running)
            {
                await Settle(task).ConfigureAwait(false);
            }
        }
    }

    private static readonly string[] AllDrafts = ["00", "01"];

    // Draws per case before a rule filter is taken to select nothing: the rarest aimed rule comes up about once in a few hundred.
    private const int MaxDraws = 20_000;

    /// <summary>The case of this index: the first draw of its generator that aims at a selected rule (any draw without a rule filter).</summary>
    private FuzzCase? Draw(CaseGenerator generator, Random random, long index)
    {
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var generated = generator.Generate(random, CaseGenerator.CaseId("x", settings.Seed, index));
            if (settings.Rules.Count == 0 || generated.What.Rules.Any(r => settings.Rules.Contains(r, StringComparer.OrdinalIgnoreCase)))
            {
                return generated with { Id = CaseGenerator.CaseId(generated.Operation, settings.Seed, index) };
            }
        }

        return null;
    }

    /// <summary>Cases a campaign without a bound runs.</summary>
    public const long DefaultCases = 1000;

    /// <summary>The seed of case <paramref name="index"/>: SplitMix64 of the campaign seed and the index, so neighbouring cases draw unrelated values.</summary>
    public static int CaseSeed(ulong seed, long index)
    {
        var z = seed + (0x9E3779B97F4A7C15UL * (ulong)(index + 1));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private (IReadOnlyList<string> Operations, IReadOnlyList<string> Drafts) Selection(ImplementationInfo info)
    {
        var operations = CaseOperation.All
            .Where(o => settings.Operations.Count == 0 || settings.Operations.Contains(o))
            .Where(info.Operations.Contains)
            // http-header cases need the feature of the same name.
            .Where(o => o != CaseOperation.HttpHeader || info.Features.Contains("http-header"))
            .Where(o => settings.Features.Count == 0 || (o == CaseOperation.HttpHeader && settings.Features.Contains("http-header")))
            .ToList();
        var drafts = AllDrafts.Where(d => (settings.Drafts.Count == 0 || settings.Drafts.Contains(d)) && info.Drafts.Contains(d)).ToList();
        return (operations, drafts);
    }

    /// <summary>The report of a campaign that could not run a case.</summary>
    private FuzzReport NotRun(string error, ImplementationInfo? info, IReadOnlyList<string> operations, IReadOnlyList<string> drafts) => new()
    {
        Seed = settings.Seed, Implementation = info, StartError = error, Findings = [], Operations = operations, Drafts = drafts, ReplayCommand = settings.ReplayCommand,
    };

    /// <summary>Case <paramref name="index"/> drawn and answered by the reference, on the thread pool.</summary>
    private Task<(FuzzCase? Generated, OracleAnswer? Answer)> Prepare(CaseGenerator generator, long index, CancellationToken cancellationToken) =>
        Task.Run(() => DrawAndAnswer(generator, index), cancellationToken);

    /// <summary>Case <paramref name="index"/> drawn, answered by the reference, run on a free instance and judged, on the thread pool.</summary>
    private Task<(FuzzCase? Drawn, Probe? Probe)> Evaluate(CaseGenerator generator, long index, InstancePool pool, ImplementationInfo info, CancellationToken cancellationToken) =>
        Task.Run<(FuzzCase? Drawn, Probe? Probe)>(async () =>
        {
            var (generated, answer) = DrawAndAnswer(generator, index);
            if (generated is null || answer is null)
            {
                return (generated, null);
            }

            var probe = await pool.UseAsync(instance => AskAsync(generated, answer, instance, info, cancellationToken), cancellationToken).ConfigureAwait(false);
            return (generated, probe);
        }, cancellationToken);

    private (FuzzCase? Generated, OracleAnswer? Answer) DrawAndAnswer(CaseGenerator generator, long index)
    {
        var generated = Draw(generator, new Random(CaseSeed(settings.Seed, index)), index);
        return (generated, generated is null ? null : Oracle.Ask(generated));
    }

    /// <summary>Waits for a case prepared ahead that will not be run, so nothing outlives the campaign.</summary>
    private static async Task Settle(Task prepared)
    {
        try
        {
            await prepared.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The case is never run, so what its preparation threw is no finding either.
        }
    }

    /// <summary>A case answered by the reference, then asked of whichever instance is free (instances answer alike).</summary>
    private Task<Probe?> AskAnyAsync(FuzzCase generated, InstancePool pool, ImplementationInfo info, CancellationToken cancellationToken)
    {
        var answer = Oracle.Ask(generated);
        return pool.UseAsync(instance => AskAsync(generated, answer, instance, info, cancellationToken), cancellationToken);
    }

    private async Task<Probe?> AskAsync(FuzzCase generated, OracleAnswer? answer, CampaignInstance instance, ImplementationInfo info, CancellationToken cancellationToken)
    {
        if (answer is null)
        {
            return null;
        }

        var run = new CaseRun(answer.Case, generated.Draft);
        if (ConformanceRunner.NotDeclared(run, info) is { } reason)
        {
            return new Probe(generated, answer, new Judgement(Outcome.Skipped, reason), null);
        }

        HarnessReply reply;
        try
        {
            reply = await instance.Implementation.RunAsync(instance.NextSeq(), run.ToRequestCase(), settings.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            reply = HarnessReply.Errored($"the implementation threw {e.GetType().Name}: {e.Message}");
        }

        Judgement judgement;
        try
        {
            judgement = Judge.Evaluate(answer.Case, reply);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            judgement = new Judgement(Outcome.Errored, $"the case could not be judged: {e.Message}") { Actual = reply.Results };
        }

        var stderr = (instance.Implementation as IHarnessDiagnostics)?.TakeCaseLog();
        var key = judgement.Outcome == Outcome.Skipped ? null : Disagreements.Classify(answer.Case, judgement);
        return new Probe(generated, answer, judgement, key) { Stderr = string.IsNullOrEmpty(stderr) ? null : stderr };
    }

    private async Task<Finding> FindingOfAsync(Probe probe, long index, InstancePool pool, ImplementationInfo info, CancellationToken cancellationToken)
    {
        var shrunk = settings.Shrink
            ? await Shrinker.ShrinkAsync(probe, (c, ct) => AskAnyAsync(c, pool, info, ct), settings.ShrinkBudget, cancellationToken).ConfigureAwait(false)
            : new Shrinker.Result(probe.Generated, probe, 0, 0);
        var key = probe.Key!;
        var id = $"fuzz::{key.Operation}::{key.Slug}";
        var original = probe.Answer.Case;
        var final = shrunk.Probe.Answer.Case;
        var description = string.Join(" ",
            string.Create(CultureInfo.InvariantCulture, $"{key}. Found by ect-conformance fuzz, seed {settings.Seed}, case {index} ({probe.Generated.What.Description}; {original.Id}),"),
            string.Create(CultureInfo.InvariantCulture, $"shrunk in {shrunk.Steps} step(s) from {Size(original)} to {Size(final)} bytes of input."),
            string.Create(CultureInfo.InvariantCulture, $"The implementation: {shrunk.Probe.Judgement.Detail}. Replay: {settings.ReplayCommand} --cases {index + 1},"),
            "or run this file: ect-conformance run --vectors FOLDER-OF-THIS-FILE.");
        return new Finding
        {
            Key = key,
            Case = final with { Id = id, Description = description, Source = "" },
            Original = original,
            Index = index,
            Detail = shrunk.Probe.Judgement.Detail,
            Stderr = shrunk.Probe.Stderr,
            ShrinkSteps = shrunk.Steps,
            ShrinkTries = shrunk.Tries,
        };
    }

    private static int Size(VectorCase vectorCase) => JsonText.Serialize(vectorCase.Input).Length;
}
