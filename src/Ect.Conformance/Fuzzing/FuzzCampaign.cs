using System.Diagnostics;
using System.Globalization;
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
/// others. Never stops on a misbehaving implementation: a crash, a timeout or an error is that
/// case's answer.
/// </summary>
internal sealed class FuzzCampaign(FuzzSettings settings)
{
    private long _seq;

    /// <summary>Called after each generated case with its index and probe.</summary>
    public Action<long, Probe>? Progress { get; init; }

    public async Task<FuzzReport> RunAsync(IImplementation implementation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var clock = Stopwatch.StartNew();
        ImplementationInfo info;
        try
        {
            info = await implementation.StartAsync(cancellationToken).ConfigureAwait(false);
            (implementation as IHarnessDiagnostics)?.TakeCaseLog();
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
        var findings = new Dictionary<DisagreementKey, Finding>();
        long cases = 0, skipped = 0, verdicts = 0, diagnoses = 0, noAnswers = 0, acceptable = 0;
        // Each case is drawn and answered by the reference from its own seed, so the next one can be
        // prepared on another core while the implementation runs this one: the same cases, in the same
        // order, with the oracle's cost hidden behind the implementation's.
        var ahead = Prepare(generator, 0, cancellationToken);
        for (long index = 0; ; index++)
        {
            if ((settings.MaxCases is { } max && index >= max) || (settings.Duration is { } duration && clock.Elapsed >= duration)
                || (settings.MaxCases is null && settings.Duration is null && index >= DefaultCases))
            {
                await Settle(ahead).ConfigureAwait(false);
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var (drawn, answer) = await ahead.ConfigureAwait(false);
            if (drawn is not { } generated)
            {
                return NotRun($"no generator aims at {string.Join(" or ", settings.Rules)} among the operations {string.Join(", ", operations)}", info, operations, drafts);
            }

            ahead = Prepare(generator, index + 1, cancellationToken);

            var probe = await AskAsync(generated, answer, implementation, info, cancellationToken).ConfigureAwait(false);
            if (probe is null)
            {
                continue;
            }

            cases++;
            acceptable += probe.Answer.Touched != Ect.Choices.ProfileChoice.None ? 1 : 0;
            Progress?.Invoke(index, probe);
            if (probe.Judgement.Outcome == Outcome.Skipped)
            {
                skipped++;
                continue;
            }

            if (probe.Key is not { } key)
            {
                continue;
            }

            switch (key.Kind)
            {
                case DisagreementKind.Verdict:
                    verdicts++;
                    break;
                case DisagreementKind.Diagnosis:
                    diagnoses++;
                    break;
                default:
                    noAnswers++;
                    break;
            }

            if (findings.TryGetValue(key, out var known))
            {
                findings[key] = known with { Occurrences = known.Occurrences + 1 };
                continue;
            }

            findings[key] = await FindingOfAsync(probe, index, implementation, info, cancellationToken).ConfigureAwait(false);
        }

        return new FuzzReport
        {
            Seed = settings.Seed,
            Implementation = info,
            Cases = cases,
            Skipped = skipped,
            VerdictDisagreements = verdicts,
            DiagnosisDisagreements = diagnoses,
            NoAnswers = noAnswers,
            Acceptable = acceptable,
            Restarts = (implementation as IHarnessDiagnostics)?.Restarts ?? 0,
            Duration = clock.Elapsed,
            Findings = [.. findings.Values.OrderBy(f => f.Key.Kind).ThenBy(f => f.Index)],
            Operations = operations,
            Drafts = drafts,
            ReplayCommand = settings.ReplayCommand,
        };
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
        Task.Run(() =>
        {
            var generated = Draw(generator, new Random(CaseSeed(settings.Seed, index)), index);
            return (generated, generated is null ? null : Oracle.Ask(generated));
        }, cancellationToken);

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

    private Task<Probe?> AskAsync(FuzzCase generated, IImplementation implementation, ImplementationInfo info, CancellationToken cancellationToken) =>
        AskAsync(generated, Oracle.Ask(generated), implementation, info, cancellationToken);

    private async Task<Probe?> AskAsync(FuzzCase generated, OracleAnswer? answer, IImplementation implementation, ImplementationInfo info, CancellationToken cancellationToken)
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
            reply = await implementation.RunAsync(++_seq, run.ToRequestCase(), settings.Timeout, cancellationToken).ConfigureAwait(false);
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

        var stderr = (implementation as IHarnessDiagnostics)?.TakeCaseLog();
        var key = judgement.Outcome == Outcome.Skipped ? null : Disagreements.Classify(answer.Case, judgement);
        return new Probe(generated, answer, judgement, key) { Stderr = string.IsNullOrEmpty(stderr) ? null : stderr };
    }

    private async Task<Finding> FindingOfAsync(Probe probe, long index, IImplementation implementation, ImplementationInfo info, CancellationToken cancellationToken)
    {
        var shrunk = settings.Shrink
            ? await Shrinker.ShrinkAsync(probe, (c, ct) => AskAsync(c, implementation, info, ct), settings.ShrinkBudget, cancellationToken).ConfigureAwait(false)
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
