namespace Ect.Conformance.Fuzzing;

/// <summary>One generated task: its id, workflow, issue time and predecessors.</summary>
internal sealed record WorkflowTask(string Jti, string? Wid, long Iat, IReadOnlyList<string> Preds);
