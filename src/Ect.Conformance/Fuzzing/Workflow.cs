namespace Ect.Conformance.Fuzzing;

/// <summary>A generated DAG, its tasks listed in one topological order.</summary>
internal sealed record Workflow(IReadOnlyList<WorkflowTask> Tasks)
{
    public override string ToString() =>
        string.Join("; ", Tasks.Select(t => $"{t.Jti}@{t.Wid?[..4] ?? "-"} iat={t.Iat} <- [{string.Join(",", t.Preds)}]"));
}
