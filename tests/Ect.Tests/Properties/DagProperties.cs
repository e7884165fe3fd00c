using Ect.Conformance.Fuzzing;
using Ect.Dag;
using Ect.Errors;
using Ect.Ledger;
using Ect.Model;
using Ect.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Ect.Tests.Properties;

/// <summary>Properties of DAG validation over random DAGs (issue: random DAGs, orders, skews, scopes).</summary>
public class DagProperties
{
    private static readonly DagOptions Options = DagOptions.Default;

    private static EctPayload ToPayload(WorkflowTask task, EctDraft draft = EctDraft.Draft01) =>
        Payloads.Task(draft, task.Jti, task.Iat, task.Wid, [.. task.Preds]);

    private static Arbitrary<(Workflow Dag, int[] Choices)> DagAndChoices(int maxTasks = 40) =>
        Arb.From(
            from dag in SeededGen.Dags(maxTasks)
            from choices in Gen.ArrayOf(Gen.Choose(0, 1000), 16)
            select (dag, choices),
            input => SeededGen.Prefixes(input.dag).Select(dag => (dag, input.choices)));

    [Test]
    public void EveryTopologicalInsertionOrderValidatesEveryTask() =>
        PropertyRun.Check("topological-insertion", 150, DagAndChoices(), input =>
        {
            foreach (var draft in new[] { EctDraft.Draft00, EctDraft.Draft01 })
            {
                var ledger = new MemoryLedger();
                foreach (var task in WorkflowGenerator.TopologicalOrder(input.Dag, input.Choices))
                {
                    var payload = ToPayload(task, draft);
                    var error = DagValidator.Validate(payload, ledger, draft, Options).Error;
                    Assert.That(error, Is.Null, $"{task.Jti} in mode {draft.ToWireName()}: {error}\n{input.Dag}");
                    Assert.That(ledger.TryAppend(payload), Is.Null);
                }
            }
        });

    [Test]
    public void TaskBeforeOneOfItsPredecessorsIsPredNotFound() =>
        PropertyRun.Check("insertion-before-predecessor", 150, DagAndChoices(), input =>
        {
            var order = WorkflowGenerator.TopologicalOrder(input.Dag, input.Choices);
            var dependent = order.FirstOrDefault(t => t.Preds.Count > 0);
            if (dependent is null)
            {
                return;
            }

            // Store every task placed before it except one of its predecessors (and what depends on that one).
            var missing = dependent.Preds[input.Choices[0] % dependent.Preds.Count];
            var excluded = Descendants(input.Dag, missing);
            var ledger = new MemoryLedger();
            foreach (var task in order.TakeWhile(t => t != dependent).Where(t => !excluded.Contains(t.Jti)))
            {
                ledger.TryAppend(ToPayload(task));
            }

            var error = DagValidator.Validate(ToPayload(dependent), ledger, EctDraft.Draft01, Options).Error;
            Assert.That(error?.Code, Is.EqualTo(EctErrorCode.DagPredNotFound), $"{error}\n{input.Dag}");
        });

    [Test]
    public void BackEdgeThroughADanglingReferenceIsACycleAtAnyDepth() =>
        PropertyRun.Check("dangling-back-edge", 100, Gen.Choose(1, 3000).ToArbitrary(), depth =>
        {
            // n0 names "x" before x exists; x then arrives naming the end of the chain.
            var ledger = new MemoryLedger();
            ledger.TryAppend(Payloads.Task("n0", WorkflowGenerator.Base, null, "x"));
            for (var i = 1; i < depth; i++)
            {
                ledger.TryAppend(Payloads.Task($"n{i}", WorkflowGenerator.Base, null, $"n{i - 1}"));
            }

            var error = DagValidator.Validate(Payloads.Task("x", WorkflowGenerator.Base, null, $"n{depth - 1}"), ledger, EctDraft.Draft01, Options).Error;
            Assert.That(error?.Code, Is.EqualTo(EctErrorCode.DagCycle), error?.ToString());
        });

    [Test]
    public void PredecessorIssuedPastTheSkewIsTemporalOrderAndNothingElse() =>
        PropertyRun.Check("skew", 150,
            Arb.From(
                from pair in DagAndChoices().Generator from delta in Gen.Choose(1, 100_000) select (pair.Dag, pair.Choices, delta),
                input => SeededGen.Prefixes(input.Dag).Select(dag => (dag, input.Choices, input.delta))),
            input =>
            {
                var child = input.Dag.Tasks.LastOrDefault(t => t.Preds.Count > 0);
                if (child is null)
                {
                    return;
                }

                var moved = child.Preds[input.Choices[0] % child.Preds.Count];
                var ledger = new MemoryLedger();
                foreach (var task in input.Dag.Tasks.TakeWhile(t => t != child))
                {
                    var stored = task.Jti == moved ? task with { Iat = child.Iat + 30 + input.delta } : task;
                    ledger.TryAppend(ToPayload(stored));
                }

                var error = DagValidator.Validate(ToPayload(child), ledger, EctDraft.Draft01, Options).Error;
                Assert.That(error?.Code, Is.EqualTo(EctErrorCode.DagTemporalOrder), $"{error}\n{input.Dag}");
            });

    [Test]
    public void ReusedJtiIsADuplicateInItsWorkflowAndValidInAnother() =>
        PropertyRun.Check("jti-scope", 150, DagAndChoices(), input =>
        {
            var ledger = new MemoryLedger();
            foreach (var task in input.Dag.Tasks)
            {
                ledger.TryAppend(ToPayload(task));
            }

            var reused = input.Dag.Tasks[input.Choices[0] % input.Dag.Tasks.Count];
            var same = Payloads.Task(reused.Jti, reused.Iat + 1, reused.Wid);
            Assert.That(DagValidator.Validate(same, ledger, EctDraft.Draft01, Options).Error?.Code, Is.EqualTo(EctErrorCode.DagDuplicateJti));

            var otherWorkflow = "99999999-9999-4999-8999-999999999999";
            var elsewhere = Payloads.Task(reused.Jti, reused.Iat + 1, otherWorkflow);
            Assert.That(DagValidator.Validate(elsewhere, ledger, EctDraft.Draft01, Options).Error, Is.Null);
        });

    [Test]
    public void VerdictIgnoresPredecessorOrderAndUnrelatedTasks() =>
        PropertyRun.Check("order-and-noise", 150,
            Arb.From(
                from pair in DagAndChoices().Generator
                from noise in Gen.Choose(0, 50)
                from drop in Gen.Elements(true, false)
                select (pair.Dag, pair.Choices, noise, drop),
                input => SeededGen.Prefixes(input.Dag).Select(dag => (dag, input.Choices, input.noise, input.drop))),
            input =>
            {
                var child = input.Dag.Tasks[^1];
                var before = input.Dag.Tasks.Take(input.Dag.Tasks.Count - 1).ToList();
                if (input.drop && child.Preds.Count > 0)
                {
                    before.RemoveAll(t => t.Jti == child.Preds[0]); // sometimes the verdict is a rejection
                }

                var plain = new MemoryLedger();
                var noisy = new MemoryLedger();
                for (var i = 0; i < input.noise; i++)
                {
                    noisy.TryAppend(Payloads.Task($"noise-{i}", WorkflowGenerator.Base + i, "99999999-9999-4999-8999-999999999999"));
                }

                foreach (var task in before)
                {
                    plain.TryAppend(ToPayload(task));
                    noisy.TryAppend(ToPayload(task));
                }

                var shuffled = child with { Preds = child.Preds.OrderBy(p => (p.GetHashCode() ^ input.Choices[1]) & 0xFFFF).ToArray() };
                var expected = DagValidator.Validate(ToPayload(child), plain, EctDraft.Draft01, Options).Error?.Code;
                Assert.That(DagValidator.Validate(ToPayload(shuffled), plain, EctDraft.Draft01, Options).Error?.Code, Is.EqualTo(expected));
                Assert.That(DagValidator.Validate(ToPayload(child), noisy, EctDraft.Draft01, Options).Error?.Code, Is.EqualTo(expected));
            });

    private static HashSet<string> Descendants(Workflow dag, string root)
    {
        var result = new HashSet<string> { root };
        foreach (var task in dag.Tasks)
        {
            if (task.Preds.Any(result.Contains))
            {
                result.Add(task.Jti);
            }
        }

        return result;
    }
}
