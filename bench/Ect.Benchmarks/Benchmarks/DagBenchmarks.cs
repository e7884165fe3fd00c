using BenchmarkDotNet.Attributes;
using Ect.Benchmarks.Fixtures;
using Ect.Dag;
using Ect.Ledger;
using Ect.Model;

namespace Ect.Benchmarks.Benchmarks;

/// <summary>
/// DAG validation of one task: its cost must not depend on the ledger's size nor, for an honest
/// chain, on the chain's depth; only on the task's own predecessor list (fan-in).
/// <see cref="ValidateJtiReusedElsewhere"/> is the same task under a <c>jti</c> that another
/// workflow also uses and references: uniqueness is per workflow, and a reference made there
/// cannot resolve to this task, so it must cost what <see cref="Validate"/> costs (it walked every
/// ancestor, 10,000 tasks here, when the reference index ignored the workflow).
/// </summary>
[MemoryDiagnoser]
public class DagBenchmarks
{
    private MemoryLedger _ledger = null!;
    private EctPayload _task = null!;
    private EctPayload _reusing = null!;

    [Params(1_000, 1_000_000)]
    public int LedgerSize { get; set; }

    [Params(10, 10_000)]
    public int ChainDepth { get; set; }

    [Params(1, 100)]
    public int FanIn { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const long t = TypicalToken.Now;
        _ledger = new MemoryLedger();

        // An honest chain c0 <- c1 <- ... of the given depth, then fan-in roots, then unrelated tasks up to the ledger size.
        for (var i = 0; i < ChainDepth; i++)
        {
            _ledger.TryAppend(TypicalToken.Payload($"chain-{i}", t - ChainDepth + i, TypicalToken.Wid, i == 0 ? [] : [$"chain-{i - 1}"]));
        }

        var preds = new List<string> { $"chain-{ChainDepth - 1}" };
        for (var i = 1; i < FanIn; i++)
        {
            _ledger.TryAppend(TypicalToken.Payload($"root-{i}", t - 1, TypicalToken.Wid));
            preds.Add($"root-{i}");
        }

        for (var i = _ledger.Count; i < LedgerSize; i++)
        {
            _ledger.TryAppend(TypicalToken.Payload($"other-{i}", t - 100, null, i > 0 ? [$"other-{i - 1}"] : []));
        }

        // Another workflow holds "reused-jti" and a child naming it.
        const string otherWid = "b0b1c2d3-e4f5-4789-abcd-ef0123456789";
        _ledger.TryAppend(TypicalToken.Payload("reused-jti", t - 50, otherWid));
        _ledger.TryAppend(TypicalToken.Payload("reused-jti-child", t - 40, otherWid, ["reused-jti"]));

        _task = TypicalToken.Payload("new-task", t, TypicalToken.Wid, [.. preds]);
        _reusing = TypicalToken.Payload("reused-jti", t, TypicalToken.Wid, [.. preds]);
        foreach (var task in new[] { _task, _reusing })
        {
            if (DagValidator.Validate(task, _ledger, EctDraft.Draft01, DagOptions.Default).Error is { } error)
            {
                throw new InvalidOperationException(error.ToString());
            }
        }
    }

    [Benchmark]
    public bool Validate() => DagValidator.Validate(_task, _ledger, EctDraft.Draft01, DagOptions.Default).IsValid;

    [Benchmark]
    public bool ValidateJtiReusedElsewhere() => DagValidator.Validate(_reusing, _ledger, EctDraft.Draft01, DagOptions.Default).IsValid;
}
