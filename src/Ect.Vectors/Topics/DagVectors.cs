using System.Text.Json.Nodes;
using Ect.Vectors.Building;

namespace Ect.Vectors.Topics;

/// <summary>DAG-1 … DAG-8 and DAG-10 on the dag operation: payloads and a store, no signatures. Each case exists in both vocabularies (name: -01, name-00: -00).</summary>
public sealed class DagVectors(KeyRing keys) : Topic(keys)
{
    public override string Name => "dag";

    private const long T0 = Fixtures.Now - 100;
    private const long Child = Fixtures.Now - 10;

    protected override void Define()
    {
        Uniqueness();
        Existence();
        Temporal();
        Cycles();
        Traversal();
        Length();
        Workflows();
        Shapes();
    }

    private void Both(string name, string description, string[] rules, Func<Vocab, (JsonObject[] Store, JsonObject Task)> shape,
        ExpectedResult in01, ExpectedResult? in00 = null, string[]? flags = null, Action<DagCase>? setup = null)
    {
        foreach (var vocab in new[] { Vocab.V01, Vocab.V00 })
        {
            var (store, task) = shape(vocab);
            var c = Dag(vocab == Vocab.V01 ? name : name + "-00", vocab == Vocab.V01 ? description : Form00(description))
                .Rules(rules).Drafts(vocab.Mode()).Flags(flags ?? []).Store(store).Task(task, vocab == Vocab.V01 ? in01 : in00 ?? in01);
            setup?.Invoke(c);
        }
    }

    private static JsonObject Task(Vocab v, int jti, long iat, params int[] preds) => PayloadBuilder.Task(v, jti, iat, preds).Build();

    private static JsonObject[] Roots(Vocab v, params int[] jtis) => jtis.Select(j => Task(v, j, T0)).ToArray();

    private void Uniqueness()
    {
        Both("unique::new-jti", "A task whose jti is not in the store is accepted.", R("DAG-1"), v => (Roots(v, 2), Task(v, 1, Child, 2)), ExpectedResult.Valid);
        Both("unique::same-jti-same-workflow", "A task whose jti is already in the store for its workflow is dag_duplicate_jti.", R("DAG-1"),
            v => (Roots(v, 1), Task(v, 1, Child)), ExpectedResult.Invalid("dag_duplicate_jti"), flags: ["DuplicateTask"]);
        Both("unique::same-jti-other-workflow", "A jti taken in another workflow is free in this one (uniqueness is per wid).", R("DAG-1"),
            v => ([P(v).Jti(1).Wid(2).Issued(T0).Build()], Task(v, 1, Child)), ExpectedResult.Valid, flags: ["DuplicateTask"]);
        Both("unique::no-wid-taken-anywhere", "A task without wid is unique across the whole store: a jti taken in any workflow is dag_duplicate_jti.", R("DAG-1"),
            v => ([P(v).Jti(1).Wid(2).Issued(T0).Build()], P(v).Jti(1).NoWid().Issued(Child).Build()), ExpectedResult.Invalid("dag_duplicate_jti"), flags: ["DuplicateTask"]);
        Both("unique::wid-vs-unscoped-entry", "A task of workflow 1 whose jti is held by a store entry without wid: within the workflow the jti is free, globally it is taken; either verdict.",
            R("DAG-1"), v => ([P(v).Jti(1).NoWid().Issued(T0).Build()], Task(v, 1, Child)), ExpectedResult.Acceptable("dag_duplicate_jti"), flags: ["DuplicateTask"]);
    }

    private void Existence()
    {
        Both("exists::one-pred", "A task whose predecessor is in the store is accepted.", R("DAG-2"), v => (Roots(v, 2), Task(v, 1, Child, 2)), ExpectedResult.Valid);
        Both("exists::missing-pred", "A task naming a predecessor that is not in the store is dag_pred_not_found.", R("DAG-2"),
            v => (Roots(v, 2), Task(v, 1, Child, 3)), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
        Both("exists::one-of-three-missing", "One missing predecessor among three is dag_pred_not_found.", R("DAG-2"),
            v => (Roots(v, 2, 3), Task(v, 1, Child, 2, 4, 3)), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
        Both("exists::empty-store", "A task with a predecessor and an empty store is dag_pred_not_found.", R("DAG-2"),
            v => ([], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
        Both("exists::expired-pred", "A predecessor whose exp passed long before the child was issued is still a valid reference.", R("DAG-2"),
            v => ([P(v).Jti(2).Iat(Fixtures.Now - 86_400).Exp(Fixtures.Now - 85_800).Build()], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["ExpiredPredecessor"]);
        Both("exists::root-empty-store", "A root task is accepted by an empty store.", R("DAG-2"), v => ([], Task(v, 1, Child)), ExpectedResult.Valid);
    }

    private void Temporal()
    {
        Both("temporal::pred-earlier", "A predecessor issued before its child is accepted.", R("DAG-3"), v => ([Task(v, 2, Child - 60)], Task(v, 1, Child, 2)), ExpectedResult.Valid);
        Both("temporal::pred-at-skew", "A predecessor issued exactly dag_clock_skew (30 s) after its child is accepted: equality is valid.", R("DAG-3"),
            v => ([Task(v, 2, Child + 30)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["TimeBoundary"]);
        Both("temporal::pred-beyond-skew", "A predecessor issued 31 s after its child breaks temporal ordering.", R("DAG-3"),
            v => ([Task(v, 2, Child + 31)], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_temporal_order"), flags: ["TimeBoundary"]);
        Both("temporal::zero-skew-equal", "With dag_clock_skew 0, a predecessor issued at the same second as its child is accepted.", R("DAG-3"),
            v => ([Task(v, 2, Child)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["TimeBoundary"], setup: c => c.Option("dag_clock_skew", 0));
        Both("temporal::zero-skew-one-second", "With dag_clock_skew 0, a predecessor issued one second after its child breaks temporal ordering.", R("DAG-3"),
            v => ([Task(v, 2, Child + 1)], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_temporal_order"), flags: ["TimeBoundary"], setup: c => c.Option("dag_clock_skew", 0));
        Both("temporal::one-of-two-late", "One late predecessor among two is dag_temporal_order.", R("DAG-3"),
            v => ([Task(v, 2, T0), Task(v, 3, Child + 3600)], Task(v, 1, Child, 2, 3)), ExpectedResult.Invalid("dag_temporal_order"));
    }

    private void Cycles()
    {
        Both("cycle::self-reference", "A task listing its own jti is a cycle; the store cannot hold that jti, so dag_pred_not_found is also right.", R("DAG-4"),
            v => ([], Task(v, 1, Child, 1)), ExpectedResult.Invalid("dag_cycle", "dag_pred_not_found"), flags: ["Cycle"]);
        Both("cycle::self-and-present-pred", "A task listing a stored predecessor and itself: dag_cycle or dag_pred_not_found.", R("DAG-4"),
            v => (Roots(v, 2), Task(v, 1, Child, 2, 1)), ExpectedResult.Invalid("dag_cycle", "dag_pred_not_found"), flags: ["Cycle"]);
        Both("cycle::through-dangling-reference", "The store holds task 2 whose predecessor is task 1, not yet stored; task 1 naming task 2 closes a cycle.", R("DAG-4"),
            v => ([Task(v, 2, Child - 5, 1)], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
        Both("cycle::three-tasks", "Stored 2 → 1 (dangling) and 3 → 2; task 1 naming 3 closes a three-task cycle.", R("DAG-4"),
            v => ([Task(v, 2, Child - 5, 1), Task(v, 3, Child - 4, 2)], Task(v, 1, Child, 3)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
        Both("cycle::dangling-reference-elsewhere", "A stored task refers to task 1 but is no ancestor of it: no cycle, accepted.", R("DAG-4"),
            v => ([Task(v, 2, T0), Task(v, 3, Child - 5, 1)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["Cycle"]);
        Both("cycle::stored-loop-elsewhere", "The store holds 2 and 3 naming each other (a loop a store with dangling references can come to hold); task 1 naming 2 is not its own ancestor: accepted. Catches an ancestor walk without a visited set, which never ends.", R("DAG-4", "DAG-5"),
            v => ([Task(v, 2, Child - 5, 3), Task(v, 3, Child - 4, 2)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["Cycle"]);
        Both("cycle::stored-loop-behind-chain", "Task 1 names 4, stored 4 names 2, and stored 2 and 3 name each other: the loop sits two steps up and does not reach 1, so it is accepted, and decided (three ancestors).", R("DAG-4", "DAG-5"),
            v => ([Task(v, 2, Child - 5, 3), Task(v, 3, Child - 4, 2), Task(v, 4, Child - 3, 2)], Task(v, 1, Child, 4)), ExpectedResult.Valid, flags: ["Cycle"]);
        Both("cycle::diamond", "A diamond (1 → 2, 3 → 4) shares an ancestor without a cycle: accepted.", R("DAG-4", "DAG-10"),
            v => ([Task(v, 4, T0), Task(v, 2, T0 + 10, 4), Task(v, 3, T0 + 10, 4)], Task(v, 1, Child, 2, 3)), ExpectedResult.Valid);
    }

    private void Traversal()
    {
        // A chain 2 → 3 → … → 7 (six ancestors); stored task 8 refers to task 1 so that a cycle is conceivable and the walk is needed.
        JsonObject[] Chain(Vocab v, bool closing)
        {
            var store = new List<JsonObject>();
            for (var j = 7; j >= 2; j--)
            {
                store.Add(j == 7 ? Task(v, 7, T0, closing ? [1] : []) : Task(v, j, T0 + (7 - j), j + 1));
            }

            if (!closing)
            {
                store.Add(Task(v, 8, T0, 1));
            }

            return [.. store];
        }

        Both("traversal::within-limit", "An ancestor walk of six tasks with max_ancestors 10 finishes: no cycle, accepted.", R("DAG-5", "DAG-4"),
            v => (Chain(v, false), Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["TraversalLimit"], setup: c => c.Option("max_ancestors", 10));
        Both("traversal::over-limit-no-cycle", "An ancestor walk of six tasks with max_ancestors 3 cannot finish: dag_traversal_limit or acceptance.", R("DAG-5"),
            v => (Chain(v, false), Task(v, 1, Child, 2)), ExpectedResult.Acceptable("dag_traversal_limit"), flags: ["TraversalLimit"], setup: c => c.Option("max_ancestors", 3));
        Both("traversal::over-limit-cycle", "A cycle six tasks deep with max_ancestors 3: dag_traversal_limit, dag_cycle, or acceptance.", R("DAG-5", "DAG-4"),
            v => (Chain(v, true), Task(v, 1, Child, 2)), ExpectedResult.Acceptable("dag_traversal_limit", "dag_cycle"), flags: ["TraversalLimit", "Cycle"], setup: c => c.Option("max_ancestors", 3));
        Both("traversal::cycle-within-limit", "The same six-deep cycle with the default max_ancestors (10,000) is dag_cycle.", R("DAG-4", "DAG-5"),
            v => (Chain(v, true), Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);

        // A lattice of 8 rows × 3 tasks (100 …): every task names two of the row below, so its 24 tasks lie on 765 paths from
        // the top row. DAG-5 counts distinct ancestors, so max_ancestors 24 is enough to decide and 23 is not.
        var top = Enumerable.Range(0, LatticeWidth).Select(c => LatticeTask(LatticeRows - 1, c)).ToArray();
        Both("traversal::lattice-at-limit", "24 distinct ancestors on 765 paths, a dangling reference to task 1 elsewhere, max_ancestors 24: the walk counts distinct tasks and decides: accepted.",
            R("DAG-5", "DAG-4"), v => ([.. Lattice(v, closing: false), Task(v, 8, T0, 1)], Task(v, 1, Child, top)), ExpectedResult.Valid,
            flags: ["TraversalLimit"], setup: c => c.Option("max_ancestors", 24));
        Both("traversal::lattice-past-limit", "The same 24 distinct ancestors with max_ancestors 23: dag_traversal_limit or acceptance.",
            R("DAG-5"), v => ([.. Lattice(v, closing: false), Task(v, 8, T0, 1)], Task(v, 1, Child, top)), ExpectedResult.Acceptable("dag_traversal_limit"),
            flags: ["TraversalLimit"], setup: c => c.Option("max_ancestors", 23));
        Both("traversal::lattice-cycle-at-limit", "The lattice's bottom task 100 names task 1, so task 1 naming the top row closes a cycle; with max_ancestors 24 it is decided: dag_cycle.",
            R("DAG-5", "DAG-4"), v => (Lattice(v, closing: true), Task(v, 1, Child, top)), ExpectedResult.Invalid("dag_cycle"),
            flags: ["TraversalLimit", "Cycle"], setup: c => c.Option("max_ancestors", 24));

        // Workflow 2 holds task 1 and task 8 naming it. Uniqueness is per wid, so task 1 of workflow 1 is new, and task 8's reference
        // keeps naming workflow 2's task 1: it cannot close a cycle through the new task.
        JsonObject[] Reused(Vocab v) => [.. Lattice(v, closing: false), P(v).Jti(1).Wid(2).Issued(T0).Build(), P(v).Jti(8).Wid(2).Issued(T0 + 1).Pred(1).Build()];
        Both("traversal::jti-referenced-in-other-workflow", "Task 1 of workflow 1 reuses a jti that workflow 2 holds and references; its 24 ancestors with max_ancestors 24: accepted.",
            R("DAG-5", "DAG-4", "DAG-1"), v => (Reused(v), Task(v, 1, Child, top)), ExpectedResult.Valid,
            flags: ["TraversalLimit", "DuplicateTask"], setup: c => c.Option("max_ancestors", 24));
        Both("traversal::jti-referenced-in-other-workflow-small-limit", "The same task with max_ancestors 3: no stored reference can resolve to it, so an implementation that knows this decides without a walk (accepted); one that walks may stop with dag_traversal_limit.",
            R("DAG-5", "DAG-1"), v => (Reused(v), Task(v, 1, Child, top)), ExpectedResult.Acceptable("dag_traversal_limit"),
            flags: ["TraversalLimit", "DuplicateTask"], setup: c => c.Option("max_ancestors", 3));
    }

    private const int LatticeRows = 8;
    private const int LatticeWidth = 3;

    private static int LatticeTask(int row, int column) => 100 + (row * LatticeWidth) + column;

    /// <summary>The lattice of workflow 1, bottom row first; when <paramref name="closing"/>, its first bottom task names task 1.</summary>
    private static JsonObject[] Lattice(Vocab v, bool closing)
    {
        var tasks = new List<JsonObject>();
        for (var r = 0; r < LatticeRows; r++)
        {
            for (var c = 0; c < LatticeWidth; c++)
            {
                int[] preds = r > 0 ? [LatticeTask(r - 1, c), LatticeTask(r - 1, (c + 1) % LatticeWidth)] : closing && c == 0 ? [1] : [];
                tasks.Add(Task(v, LatticeTask(r, c), T0 + r, preds));
            }
        }

        return [.. tasks];
    }

    private void Length()
    {
        var hundred = Enumerable.Range(100, 100).ToArray();
        var hundredOne = Enumerable.Range(100, 101).ToArray();
        Both("length::100-preds", "A task with 100 stored predecessors (max_pred_length) is accepted.", R("DAG-6", "DAG-10"),
            v => (hundred.Select(j => Task(v, j, T0)).ToArray(), Task(v, 1, Child, hundred)), ExpectedResult.Valid, flags: ["PredecessorLimit"]);
        Both("length::101-preds", "A task with 101 predecessors is dag_too_many_preds, checked before existence.", R("DAG-6", "DAG-9"),
            v => ([], Task(v, 1, Child, hundredOne)), ExpectedResult.Invalid("dag_too_many_preds"), flags: ["PredecessorLimit"]);
        Both("length::custom-3", "With max_pred_length 3, three stored predecessors are accepted.", R("DAG-6"),
            v => (Roots(v, 2, 3, 4), Task(v, 1, Child, 2, 3, 4)), ExpectedResult.Valid, flags: ["PredecessorLimit"], setup: c => c.Option("max_pred_length", 3));
        Both("length::custom-4", "With max_pred_length 3, four stored predecessors are dag_too_many_preds.", R("DAG-6"),
            v => (Roots(v, 2, 3, 4, 5), Task(v, 1, Child, 2, 3, 4, 5)), ExpectedResult.Invalid("dag_too_many_preds"), flags: ["PredecessorLimit"], setup: c => c.Option("max_pred_length", 3));
        Both("length::zero-is-no-limit", "max_pred_length 0 sets no limit: 101 absent predecessors are dag_pred_not_found, not dag_too_many_preds.", R("DAG-6"),
            v => ([], Task(v, 1, Child, hundredOne)), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["PredecessorLimit"], setup: c => c.Option("max_pred_length", 0));
        Both("length::duplicate-pred", "A predecessor listed twice: dag_duplicate_pred or acceptance.", R("DAG-7"),
            v => (Roots(v, 2), Task(v, 1, Child, 2, 2)), ExpectedResult.Acceptable("dag_duplicate_pred"), flags: ["DuplicatePredecessor"]);
        Both("length::distinct-preds", "Two distinct stored predecessors are accepted.", R("DAG-7"), v => (Roots(v, 2, 3), Task(v, 1, Child, 2, 3)), ExpectedResult.Valid);
    }

    private void Workflows()
    {
        Both("workflow::same", "A predecessor in the task's own workflow is accepted.", R("DAG-8"), v => (Roots(v, 2), Task(v, 1, Child, 2)), ExpectedResult.Valid);
        Both("workflow::cross", "A predecessor of workflow 2 named by a task of workflow 1 is dag_workflow_mismatch in mode 01; mode 00 has no such check, either verdict.", R("DAG-8"),
            v => ([P(v).Jti(2).Wid(2).Issued(T0).Build()], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_workflow_mismatch"), ExpectedResult.Acceptable("dag_workflow_mismatch"), flags: ["CrossWorkflow"]);
        Both("workflow::pred-without-wid", "A predecessor without wid named by a task of workflow 1 is not in the same workflow: dag_workflow_mismatch in mode 01, either verdict in mode 00.", R("DAG-8"),
            v => ([P(v).Jti(2).NoWid().Issued(T0).Build()], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_workflow_mismatch"), ExpectedResult.Acceptable("dag_workflow_mismatch"), flags: ["CrossWorkflow"]);
        Both("workflow::child-without-wid", "A task without wid is not checked for workflow consistency: a predecessor of workflow 2 is accepted.", R("DAG-8"),
            v => ([P(v).Jti(2).Wid(2).Issued(T0).Build()], P(v).Jti(1).NoWid().Issued(Child).Pred(2).Build()), ExpectedResult.Valid, flags: ["CrossWorkflow"]);
        Both("workflow::same-jti-in-both", "Task 2 exists in workflows 1 and 2; a task of workflow 1 naming it finds its own workflow's task: accepted.", R("DAG-8", "DAG-1"),
            v => ([P(v).Jti(2).Wid(2).Issued(T0).Build(), P(v).Jti(2).Wid(1).Issued(T0).Build()], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["CrossWorkflow"]);
    }

    private void Shapes()
    {
        Both("shape::multiple-roots", "Several root tasks in one workflow are valid: a new root beside two stored roots is accepted.", R("DAG-10"),
            v => (Roots(v, 2, 3), Task(v, 1, Child)), ExpectedResult.Valid);
        Both("shape::fan-in", "A task joining ten predecessors (fan-in) is accepted.", R("DAG-10"),
            v => (Roots(v, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), Task(v, 1, Child, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)), ExpectedResult.Valid, flags: ["FanIn"]);
        Both("shape::fan-out", "A task sharing its predecessor with a stored sibling (fan-out) is accepted.", R("DAG-10"),
            v => ([Task(v, 2, T0), Task(v, 3, T0 + 10, 2)], Task(v, 1, Child, 2)), ExpectedResult.Valid);
    }
}
