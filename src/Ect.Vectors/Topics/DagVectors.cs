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
        Boundaries();
        NonDefaultOptions();
        EveryElement();
        DepthAndShape();
        SlipEveryPredecessor();
        SlipStoreOrder();
        MutationFindings();
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

    /// <summary>The DAG limits one below, at and one above, where the groups above leave a side out.</summary>
    private void Boundaries()
    {
        Both("boundary::pred-one-below-skew", "A predecessor issued 29 s after its child (one below dag_clock_skew 30) is accepted. Catches a skew window off by one on the inside.", R("DAG-3"),
            v => ([Task(v, 2, Child + 29)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["TimeBoundary"]);
        Both("boundary::pred-same-second", "A predecessor issued in the same second as its child is accepted. Catches a strict pred.iat < child.iat without the skew.", R("DAG-3"),
            v => ([Task(v, 2, Child)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["TimeBoundary"]);
        var ninetyNine = Enumerable.Range(100, 99).ToArray();
        Both("boundary::99-preds", "A task with 99 stored predecessors (one below max_pred_length 100) is accepted. Catches a length bound off by one on the inside.", R("DAG-6"),
            v => (ninetyNine.Select(j => Task(v, j, T0)).ToArray(), Task(v, 1, Child, ninetyNine)), ExpectedResult.Valid, flags: ["PredecessorLimit"]);
        Both("boundary::custom-2-of-3", "With max_pred_length 3, two stored predecessors are accepted. Catches a limit read as an exact count.", R("DAG-6"),
            v => (Roots(v, 2, 3), Task(v, 1, Child, 2, 3)), ExpectedResult.Valid, flags: ["PredecessorLimit"], setup: c => c.Option("max_pred_length", 3));
        var top = Enumerable.Range(0, LatticeWidth).Select(c => LatticeTask(LatticeRows - 1, c)).ToArray();
        Both("boundary::lattice-one-above-limit", "24 distinct ancestors with max_ancestors 25 (one above): decided, accepted. Catches a walk that stops at max_ancestors - 1.",
            R("DAG-5", "DAG-4"), v => ([.. Lattice(v, closing: false), Task(v, 8, T0, 1)], Task(v, 1, Child, top)), ExpectedResult.Valid,
            flags: ["TraversalLimit"], setup: c => c.Option("max_ancestors", 25));
        Both("boundary::lattice-cycle-one-above-limit", "The closing lattice (24 ancestors, a cycle) with max_ancestors 25: decided, dag_cycle. Catches a limit that gives up early and accepts.",
            R("DAG-5", "DAG-4"), v => (Lattice(v, closing: true), Task(v, 1, Child, top)), ExpectedResult.Invalid("dag_cycle"),
            flags: ["TraversalLimit", "Cycle"], setup: c => c.Option("max_ancestors", 25));
        Both("boundary::chain-cycle-at-limit", "A cycle through a chain of 12 ancestors with max_ancestors 12 is decided: dag_cycle. Catches a walk that counts paths or the task itself against the limit.",
            R("DAG-5", "DAG-4"), v => (Chain(v, 12, closing: true), Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_cycle"),
            flags: ["TraversalLimit", "Cycle"], setup: c => c.Option("max_ancestors", 12));
        Both("boundary::chain-at-limit", "A chain of 12 ancestors (a dangling reference to task 1 elsewhere) with max_ancestors 12 is decided: accepted. Catches a walk that stops one task early.",
            R("DAG-5", "DAG-4"), v => (Chain(v, 12, closing: false), Task(v, 1, Child, 2)), ExpectedResult.Valid,
            flags: ["TraversalLimit"], setup: c => c.Option("max_ancestors", 12));
        Both("boundary::chain-at-limit-dangling-reference", "The same chain of 12 ancestors, its deepest task also naming task 950, stored nowhere: a dangling reference names no ancestor, so with max_ancestors 12 the walk decides: accepted. Catches a walk that counts the references it follows rather than the stored tasks they reach (found by fuzzing the Python example).",
            R("DAG-5", "DAG-4"), v => (Chain(v, 12, closing: false, dangling: 950), Task(v, 1, Child, 2)), ExpectedResult.Valid,
            flags: ["TraversalLimit"], setup: c => c.Option("max_ancestors", 12));
    }

    /// <summary>Every DAG parameter away from its default, both ways.</summary>
    private void NonDefaultOptions()
    {
        Both("option::skew-120-at", "With dag_clock_skew 120, a predecessor issued 120 s after its child is accepted. Catches a hard-coded dag_clock_skew of 30.", R("DAG-3"),
            v => ([Task(v, 2, Child + 120)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["TimeBoundary"], setup: c => c.Option("dag_clock_skew", 120));
        Both("option::skew-120-past", "With dag_clock_skew 120, a predecessor issued 121 s after its child is dag_temporal_order. Catches a skew that is not applied above the default.", R("DAG-3"),
            v => ([Task(v, 2, Child + 121)], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_temporal_order"), flags: ["TimeBoundary"], setup: c => c.Option("dag_clock_skew", 120));
        Both("option::max-preds-1-at", "With max_pred_length 1, one stored predecessor is accepted. Catches max_pred_length 1 read as 0 (no predecessors) or ignored.", R("DAG-6"),
            v => (Roots(v, 2), Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["PredecessorLimit"], setup: c => c.Option("max_pred_length", 1));
        Both("option::max-preds-1-past", "With max_pred_length 1, two stored predecessors are dag_too_many_preds. Catches a hard-coded max_pred_length of 100.", R("DAG-6"),
            v => (Roots(v, 2, 3), Task(v, 1, Child, 2, 3)), ExpectedResult.Invalid("dag_too_many_preds"), flags: ["PredecessorLimit"], setup: c => c.Option("max_pred_length", 1));
        Both("option::max-preds-150-past-default", "With max_pred_length 150, 101 stored predecessors are accepted. Catches a hard-coded max_pred_length of 100.", R("DAG-6", "DAG-10"),
            v => (Enumerable.Range(100, 101).Select(j => Task(v, j, T0)).ToArray(), Task(v, 1, Child, Enumerable.Range(100, 101).ToArray())), ExpectedResult.Valid,
            flags: ["PredecessorLimit"], setup: c => c.Option("max_pred_length", 150));
        Both("option::max-ancestors-50-cycle", "A cycle 40 ancestors deep with max_ancestors 50 is decided: dag_cycle. Catches a hard-coded small walk bound that gives up and accepts.",
            R("DAG-5", "DAG-4"), v => (Chain(v, 40, closing: true), Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_cycle"), flags: ["TraversalLimit", "Cycle"], setup: c => c.Option("max_ancestors", 50));
        Both("option::max-ancestors-50-honest", "An honest chain of 40 ancestors (a dangling reference to task 1 elsewhere) with max_ancestors 50 is decided: accepted. Catches a hard-coded walk bound that gives up and rejects.",
            R("DAG-5", "DAG-4"), v => (Chain(v, 40, closing: false), Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["TraversalLimit"], setup: c => c.Option("max_ancestors", 50));
    }

    /// <summary>Every predecessor of a list is checked, not only the first: existence, time, workflow, duplicates, cycles.</summary>
    private void EveryElement()
    {
        Both("each-element::missing-first-of-three", "The first of three predecessors is missing: dag_pred_not_found. Catches a lookup loop that starts at index 1.", R("DAG-2"),
            v => (Roots(v, 3, 4), Task(v, 1, Child, 2, 3, 4)), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
        Both("each-element::missing-last-of-three", "The last of three predecessors is missing: dag_pred_not_found. Catches a lookup loop that stops before the last element.", R("DAG-2"),
            v => (Roots(v, 2, 3), Task(v, 1, Child, 2, 3, 4)), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
        Both("each-element::missing-last-of-ten", "The last of ten predecessors is missing: dag_pred_not_found. Catches a lookup of a fixed number of predecessors.", R("DAG-2"),
            v => (Roots(v, 2, 3, 4, 5, 6, 7, 8, 9, 10), Task(v, 1, Child, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
        Both("each-element::late-first-of-three", "The first of three predecessors is issued an hour after its child: dag_temporal_order. Catches a time check of the last predecessor only.", R("DAG-3"),
            v => ([Task(v, 2, Child + 3600), Task(v, 3, T0), Task(v, 4, T0)], Task(v, 1, Child, 2, 3, 4)), ExpectedResult.Invalid("dag_temporal_order"));
        Both("each-element::late-last-of-three", "The last of three predecessors is 31 s late: dag_temporal_order. Catches a time check of the first predecessor only.", R("DAG-3"),
            v => ([Task(v, 2, T0), Task(v, 3, T0), Task(v, 4, Child + 31)], Task(v, 1, Child, 2, 3, 4)), ExpectedResult.Invalid("dag_temporal_order"), flags: ["TimeBoundary"]);
        Both("each-element::late-middle-store-order", "The late predecessor is stored first but listed second: dag_temporal_order. Catches a check that walks the store instead of the list.", R("DAG-3"),
            v => ([Task(v, 3, Child + 40), Task(v, 2, T0), Task(v, 4, T0)], Task(v, 1, Child, 2, 3, 4)), ExpectedResult.Invalid("dag_temporal_order"));
        Both("each-element::cross-workflow-last-of-three", "The last of three predecessors belongs to workflow 2: dag_workflow_mismatch in mode 01, either verdict in mode 00. Catches a workflow check of the first predecessor only.", R("DAG-8"),
            v => ([.. Roots(v, 2, 3), P(v).Jti(4).Wid(2).Issued(T0).Build()], Task(v, 1, Child, 2, 3, 4)),
            ExpectedResult.Invalid("dag_workflow_mismatch"), ExpectedResult.Acceptable("dag_workflow_mismatch"), flags: ["CrossWorkflow"]);
        Both("each-element::no-wid-second-of-two", "The second of two predecessors has no wid: dag_workflow_mismatch in mode 01, either verdict in mode 00. Catches a workflow check that skips predecessors without wid.", R("DAG-8"),
            v => ([.. Roots(v, 2), P(v).Jti(3).NoWid().Issued(T0).Build()], Task(v, 1, Child, 2, 3)),
            ExpectedResult.Invalid("dag_workflow_mismatch"), ExpectedResult.Acceptable("dag_workflow_mismatch"), flags: ["CrossWorkflow"]);
        Both("each-element::duplicate-not-adjacent", "Predecessors [2, 3, 2]: the repeat is not adjacent; dag_duplicate_pred or acceptance, never a crash. Catches a duplicate check that compares neighbours only (where it rejects).", R("DAG-7"),
            v => (Roots(v, 2, 3), Task(v, 1, Child, 2, 3, 2)), ExpectedResult.Acceptable("dag_duplicate_pred"), flags: ["DuplicatePredecessor"]);
        Both("each-element::cycle-through-second", "Stored 3 names task 1 (dangling); task 1 naming [2, 3] closes a cycle through its second predecessor: dag_cycle. Catches a walk from the first predecessor only.", R("DAG-4"),
            v => ([Task(v, 2, T0), Task(v, 3, Child - 5, 1)], Task(v, 1, Child, 2, 3)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
        Both("each-element::cycle-through-last-of-four-at-depth-two", "Task 1 names [2, 3, 4, 5]; stored 5 names 6 and 6 names task 1: a cycle through the last predecessor, two steps up: dag_cycle. Catches a walk that follows the first predecessor of each task only.", R("DAG-4"),
            v => ([.. Roots(v, 2, 3, 4), Task(v, 6, Child - 6, 1), Task(v, 5, Child - 5, 6)], Task(v, 1, Child, 2, 3, 4, 5)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
        Both("each-element::duplicate-jti-last-in-store", "The task's jti is held by the last of five stored tasks: dag_duplicate_jti. Catches a uniqueness check against the first stored task only.", R("DAG-1"),
            v => (Roots(v, 2, 3, 4, 5, 1), Task(v, 1, Child)), ExpectedResult.Invalid("dag_duplicate_jti"), flags: ["DuplicateTask"]);
        Both("each-element::pred-id-upper-case", "Predecessor 0000000A-…-00000000000A (upper case) when the store holds …0a (lower case): task ids compare exactly, dag_pred_not_found. PROFILE: the profile does not say how ids compare; the strict reading is exact, as for jti uniqueness. Catches a case-insensitive lookup that would let two spellings name one task.", R("DAG-2"),
            v => ([Task(v, 10, T0)], P(v).Jti(1).Issued(Child).PredIds(Fixtures.Task(10).ToUpperInvariant()).Build()), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
        Both("each-element::pred-id-trailing-space", "A predecessor id with a trailing space names no stored task: dag_pred_not_found. Catches trimming of predecessor ids.", R("DAG-2"),
            v => (Roots(v, 2), P(v).Jti(1).Issued(Child).PredIds(Fixtures.Task(2) + " ").Build()), ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
        Both("each-element::wid-one-digit-off", "A predecessor whose wid differs from the task's in its last digit: dag_workflow_mismatch in mode 01, either verdict in mode 00. Catches a wid compared by prefix.", R("DAG-8"),
            v => ([P(v).Jti(2).Wid(Fixtures.W1[..^1] + "2").Issued(T0).Build()], Task(v, 1, Child, 2)),
            ExpectedResult.Invalid("dag_workflow_mismatch"), ExpectedResult.Acceptable("dag_workflow_mismatch"), flags: ["CrossWorkflow"]);
    }

    /// <summary>The cycle and acceptance verdicts over chains of many depths, wide shapes, and several workflows sharing task ids.</summary>
    private void DepthAndShape()
    {
        foreach (var depth in new[] { 1, 2, 3, 5, 20, 100 })
        {
            Both($"shape::chain-{depth}-cycle", $"A cycle closing through a chain of {depth} stored ancestors (the deepest names task 1): dag_cycle. Catches a cycle check that looks a fixed number of steps up.",
                R("DAG-4"), v => (Chain(v, depth, closing: true), Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
            Both($"shape::chain-{depth}-honest", $"An honest chain of {depth} stored ancestors, with a dangling reference to task 1 outside it: accepted. Catches a walk that mistakes any reference to the task for a cycle.",
                R("DAG-4", "DAG-10"), v => (Chain(v, depth, closing: false), Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["Cycle"]);
        }

        Both("shape::diamond-cycle-one-branch", "A diamond 1 → 2, 3 → 4 where only branch 3 leads back to task 1 (3 also names 5, 5 names 1): dag_cycle. Catches a walk that stops at the first visited join.", R("DAG-4"),
            v => ([Task(v, 4, T0), Task(v, 5, T0 + 5, 1), Task(v, 2, T0 + 10, 4), Task(v, 3, T0 + 10, 4, 5)], Task(v, 1, Child, 2, 3)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
        Both("shape::wide-fan-in-shared-root", "Task 1 joins 50 predecessors that all name one root, with a dangling reference to task 1 elsewhere: accepted, each ancestor visited once. Catches a walk without a visited set, which counts the root 50 times against max_ancestors.", R("DAG-10", "DAG-4", "DAG-5"),
            v => ([Task(v, 99, T0), .. Enumerable.Range(200, 50).Select(j => Task(v, j, T0 + 1, 99)), Task(v, 8, T0, 1)], Task(v, 1, Child, Enumerable.Range(200, 50).ToArray())),
            ExpectedResult.Valid, flags: ["FanIn"]);
        Both("shape::two-workflows-cycle-elsewhere", "Workflow 2 holds 2 → 3 → 1 under the same ids; workflow 1 holds the honest chain 2 → 3. Task 1 of workflow 1 naming 2 walks its own workflow: accepted. Catches references resolved without their workflow.",
            R("DAG-4", "DAG-1"), v => ([P(v).Jti(3).Wid(2).Issued(T0).Pred(1).Build(), P(v).Jti(2).Wid(2).Issued(T0 + 1).Pred(3).Build(), Task(v, 3, T0), Task(v, 2, T0 + 1, 3)], Task(v, 1, Child, 2)),
            ExpectedResult.Valid, flags: ["Cycle", "CrossWorkflow"]);
        Both("shape::two-workflows-cycle-here", "Workflow 1 holds 2 → 3 → 1; workflow 2 holds the honest chain 2 → 3 under the same ids. Task 1 of workflow 1 naming 2 closes a cycle in its own workflow: dag_cycle. Catches references resolved to the first stored task of an id, whatever its workflow.",
            R("DAG-4", "DAG-1"), v => ([P(v).Jti(3).Wid(2).Issued(T0).Build(), P(v).Jti(2).Wid(2).Issued(T0 + 1).Pred(3).Build(), Task(v, 3, T0, 1), Task(v, 2, T0 + 1, 3)], Task(v, 1, Child, 2)),
            ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle", "CrossWorkflow"]);
        Both("shape::three-workflows-same-ids", "Workflows 1, 2 and 3 each hold tasks 2 and 3 (3 → 2); task 1 of workflow 3 naming 3 and 2 of its own workflow: accepted. Catches uniqueness or lookup scoped to the first workflow.",
            R("DAG-1", "DAG-2", "DAG-10"), v => (Enumerable.Range(1, 3).SelectMany(w => new[] { P(v).Jti(2).Wid(w).Issued(T0).Build(), P(v).Jti(3).Wid(w).Issued(T0 + 1).Pred(2).Build() }).ToArray(),
                P(v).Jti(1).Wid(3).Issued(Child).Pred(3, 2).Build()), ExpectedResult.Valid, flags: ["DuplicateTask"]);
        Both("shape::two-roots-two-sinks", "Two roots, two joins over both (a complete bipartite layer), and a task over both joins: accepted. Catches a join of joins mistaken for a cycle.", R("DAG-10", "DAG-4"),
            v => ([.. Roots(v, 2, 3), Task(v, 4, T0 + 5, 2, 3), Task(v, 5, T0 + 5, 3, 2), Task(v, 8, T0, 1)], Task(v, 1, Child, 4, 5)), ExpectedResult.Valid, flags: ["FanIn"]);
        Both("shape::dangling-grandparent", "The predecessor is stored but its own predecessor is not (a store may hold dangling references): accepted, DAG-2 asks for the task's own predecessors only. Catches a verifier that demands the whole ancestry.",
            R("DAG-2", "DAG-4"), v => ([Task(v, 2, T0, 9)], Task(v, 1, Child, 2)), ExpectedResult.Valid);
        Both("shape::grandparent-other-workflow", "The predecessor is in the task's workflow; its own stored predecessor is in workflow 2: accepted, DAG-8 compares the task with its own predecessors. Catches a workflow check applied to the whole ancestry.",
            R("DAG-8", "DAG-4"), v => ([P(v).Jti(3).Wid(2).Issued(T0).Build(), Task(v, 2, T0 + 1, 3)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["CrossWorkflow"]);
        Both("shape::missing-pred-deep-fan-in", "Task 1 joins a chain head, a diamond top and a root; only the root is missing: dag_pred_not_found, whatever the shape behind the others. Catches an existence check skipped once a predecessor with ancestry is found.", R("DAG-2"),
            v => ([.. Chain(v, 5, closing: false), Task(v, 30, T0), Task(v, 31, T0 + 1, 30), Task(v, 32, T0 + 1, 30), Task(v, 33, T0 + 2, 31, 32)], Task(v, 1, Child, 2, 33, 40)),
            ExpectedResult.Invalid("dag_pred_not_found"), flags: ["UnknownPredecessor"]);
    }

    /// <summary>
    /// A chain 2 → 3 → … → depth+1; the deepest task names task 1 when <paramref name="closing"/>, otherwise stored task 900 names task 1 so a walk is needed,
    /// and the deepest names <paramref name="dangling"/>, a task stored nowhere, when it is given.
    /// </summary>
    private static JsonObject[] Chain(Vocab v, int depth, bool closing, int? dangling = null)
    {
        var store = new List<JsonObject>();
        for (var j = depth + 1; j >= 2; j--)
        {
            var deepest = j == depth + 1;
            store.Add(Task(v, j, T0 + (depth + 1 - j) / 2, deepest ? (closing ? [1] : dangling is { } d ? [d] : []) : [j + 1]));
        }

        if (!closing)
        {
            store.Add(Task(v, 900, T0, 1));
        }

        return [.. store];
    }

    /// <summary>A rule broken by a predecessor after the first, which a check of the first element only misses (tests/harness-slips).</summary>
    private void SlipEveryPredecessor()
    {
        Both("slip-list::second-pred-other-workflow", "Task 1 of workflow 1 names 2 (workflow 1), then 3 (workflow 2): dag_workflow_mismatch in mode 01, either verdict in mode 00. Catches a workflow check of the first predecessor only.",
            R("DAG-8"), v => ([Task(v, 2, T0), P(v).Jti(3).Wid(2).Issued(T0).Build()], Task(v, 1, Child, 2, 3)),
            ExpectedResult.Invalid("dag_workflow_mismatch"), ExpectedResult.Acceptable("dag_workflow_mismatch"), flags: ["CrossWorkflow"]);
        Both("slip-list::cycle-through-second-pred", "Task 1 names 2 (a root) and 3, and stored 3 names 1 (a dangling reference): the cycle runs through the second predecessor, dag_cycle. Catches an ancestor walk started from the first predecessor only.",
            R("DAG-4"), v => ([Task(v, 2, T0), Task(v, 3, Child - 5, 1)], Task(v, 1, Child, 2, 3)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
        Both("slip-list::cycle-two-up-third-pred", "Task 1 names 2, 3 (roots) and 4; stored 4 names 5 and 5 names 1: a cycle two steps up the third predecessor, dag_cycle. Catches an ancestor walk that leaves out predecessors after the first.",
            R("DAG-4"), v => ([Task(v, 2, T0), Task(v, 3, T0), Task(v, 5, Child - 6, 1), Task(v, 4, Child - 5, 5)], Task(v, 1, Child, 2, 3, 4)), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
        Both("slip-list::length-counts-every-entry", "With max_pred_length 3, a list of four entries naming three stored tasks (one twice) is dag_too_many_preds: the list's length counts, and DAG-6 comes before DAG-7. Catches a limit compared with the number of distinct predecessors.",
            R("DAG-6", "DAG-9"), v => (Roots(v, 2, 3, 4), Task(v, 1, Child, 2, 3, 4, 4)), ExpectedResult.Invalid("dag_too_many_preds"), flags: ["PredecessorLimit"], setup: c => c.Option("max_pred_length", 3));
    }

    /// <summary>The same jti in two workflows, stored in the order that a store keeping one task per jti gets wrong (tests/harness-slips).</summary>
    private void SlipStoreOrder()
    {
        Both("slip-store-order::same-jti-in-both-own-first", "Task 2 is stored in workflow 1, then in workflow 2; a task of workflow 1 naming it finds its own workflow's task: accepted. With workflow::same-jti-in-both (the other order), catches a lookup that depends on the store's order.",
            R("DAG-8", "DAG-2"), v => ([P(v).Jti(2).Wid(1).Issued(T0).Build(), P(v).Jti(2).Wid(2).Issued(T0).Build()], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["CrossWorkflow"]);
        Both("slip-store-order::duplicate-jti-stored-first", "Task 1 is stored in workflow 1, then in workflow 2; a new task 1 of workflow 1 is dag_duplicate_jti. Catches a store index that keeps only the last task stored under a jti.",
            R("DAG-1"), v => ([P(v).Jti(1).Wid(1).Issued(T0).Build(), P(v).Jti(1).Wid(2).Issued(T0).Build()], Task(v, 1, Child)), ExpectedResult.Invalid("dag_duplicate_jti"), flags: ["DuplicateTask"]);
        Both("slip-store-order::temporal-uses-own-workflow-task", "Task 2 of workflow 2, issued an hour after the child, is stored before task 2 of workflow 1, issued earlier; the child of workflow 1 naming 2 is judged against its own workflow's task: accepted. Catches a lookup that takes the first stored task with the jti, whatever its workflow.",
            R("DAG-3", "DAG-8"), v => ([P(v).Jti(2).Wid(2).Issued(Child + 3600).Build(), P(v).Jti(2).Wid(1).Issued(T0).Build()], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["CrossWorkflow"]);
    }

    /// <summary>Cases the mutation run (docs/mutation.md) showed missing: each kills engine mutants no other vector noticed.</summary>
    private void MutationFindings()
    {
        Both("cycle::mutation-through-dangling-reference-without-wid", "Tasks without wid: stored task 2 names task 1, not yet stored; task 1 naming task 2 closes a cycle: dag_cycle. Catches a cycle check that looks for dangling references only within the task's own workflow, and so never walks for a task without wid.", R("DAG-4"),
            v => ([P(v).Jti(2).NoWid().Issued(Child - 5).Pred(1).Build()], P(v).Jti(1).NoWid().Issued(Child).Pred(2).Build()), ExpectedResult.Invalid("dag_cycle"), flags: ["Cycle"]);
        Both("cycle::mutation-dangling-reference-beside-other-workflow-task", "Workflow 2 holds a task 1; stored task 2 of workflow 1 names task 1, which workflow 1 does not hold yet. Task 1 of workflow 1 naming task 2 closes a cycle in its own workflow (in mode 01 DAG-8 keeps task 2's reference in workflow 1): dag_cycle; in mode 00 the reference may be read as workflow 2's task, either verdict. Catches a cycle check that skips the walk because another workflow already holds a task of that jti.", R("DAG-4", "DAG-8", "DAG-1"),
            v => ([P(v).Jti(1).Wid(2).Issued(T0).Build(), Task(v, 2, Child - 5, 1)], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_cycle"), ExpectedResult.Acceptable("dag_cycle"), flags: ["Cycle", "DuplicateTask"]);
        Both("cycle::mutation-own-jti-held-by-other-workflow", "Task 1 of workflow 1 lists its own jti, which workflow 2 holds: a jti in its own pred is a cycle (DAG-4), whichever task the reference is read as; dag_pred_not_found or, for the cross-workflow reading, dag_workflow_mismatch are right too. Catches a self-reference check that is skipped once a predecessor of that jti is found in the store.", R("DAG-4", "DAG-2", "DAG-8"),
            v => ([P(v).Jti(1).Wid(2).Issued(T0).Build()], Task(v, 1, Child, 1)), ExpectedResult.Invalid("dag_cycle", "dag_pred_not_found", "dag_workflow_mismatch"), flags: ["Cycle", "DuplicateTask"]);
        Both("cycle::mutation-back-edge-from-other-workflow", "Task 1 of workflow 1 names task 2 of workflow 2, whose predecessor is task 1, stored nowhere. Mode 01 refuses the cross-workflow predecessor first (dag_workflow_mismatch). In mode 00, where a cross-workflow predecessor is acceptable (DAG-8) and the profile does not say in which workflow task 2's dangling reference is looked for, either verdict is right: a refusal is dag_cycle or dag_workflow_mismatch. Catches, in mode 01, a check that lets the cross-workflow predecessor through.", R("DAG-4", "DAG-8", "DAG-9"),
            v => ([P(v).Jti(2).Wid(2).Issued(Child - 5).Pred(1).Build()], Task(v, 1, Child, 2)), ExpectedResult.Invalid("dag_workflow_mismatch"), ExpectedResult.Acceptable("dag_cycle", "dag_workflow_mismatch"), flags: ["Cycle", "CrossWorkflow"]);
        Both("cycle::mutation-walk-through-stored-loop", "Stored task 8 names task 1, so the ancestor walk must run; task 1 names 2, and stored 2 and 3 name each other and 3 names task 9, stored nowhere. Task 1 is not its own ancestor: accepted. Catches an ancestor walk that revisits tasks (it never ends) or follows a dangling reference as if it were stored.", R("DAG-4", "DAG-5"),
            v => ([Task(v, 2, Child - 5, 3), Task(v, 3, Child - 4, 2, 9), Task(v, 8, Child - 3, 1)], Task(v, 1, Child, 2)), ExpectedResult.Valid, flags: ["Cycle"]);
        Both("cycle::mutation-own-jti-reached-in-other-workflow", "Workflow 2 holds a task 1 and a task 3 naming it; stored task 2 of workflow 1 names task 3, which workflow 1 does not hold, and stored task 4 of workflow 1 names task 1, so the ancestor walk runs. Task 1 of workflow 1 naming task 2 is not its own ancestor: in workflow 1 task 2's reference to task 3 is dangling, and read as workflow 2's task 3 it leads to workflow 2's own stored task 1, another task: accepted. Catches a cycle check that takes an ancestor of the task's jti in another workflow, which holds a task of that jti, for the task itself.", R("DAG-4", "DAG-1", "DAG-8"),
            v => ([P(v).Jti(1).Wid(2).Issued(T0).Build(), P(v).Jti(3).Wid(2).Issued(Child - 6).Pred(1).Build(), Task(v, 2, Child - 5, 3), Task(v, 4, Child - 4, 1)], Task(v, 1, Child, 2)),
            ExpectedResult.Valid, flags: ["Cycle", "DuplicateTask"]);
    }
}
