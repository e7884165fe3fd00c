namespace Ect.Dag;

/// <summary>The DAG parameters of the profile (section 1), with its defaults.</summary>
public sealed record DagOptions
{
    /// <summary>More predecessors than this is <c>dag_too_many_preds</c>; 0 means no limit.</summary>
    public int MaxPredLength { get; init; } = 100;

    /// <summary>A predecessor may be issued at most this many seconds after its child.</summary>
    public long ClockSkewSeconds { get; init; } = 30;

    /// <summary>The ancestor walk gives up with <c>dag_traversal_limit</c> once it has visited more than this many distinct stored tasks (DAG-5).</summary>
    public int MaxAncestors { get; init; } = 10_000;

    /// <summary>Reject a predecessor listed twice (DAG-7 leaves this to the implementation).</summary>
    // Stryker disable once Boolean : DAG-7 allows both rejecting and accepting a repeated predecessor
    public bool RejectDuplicatePredecessors { get; init; } = true;

    public static DagOptions Default { get; } = new();
}
