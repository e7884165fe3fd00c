namespace Ect.Conformance.Protocol;

/// <summary>How an implementation answered one case.</summary>
public enum ReplyKind
{
    /// <summary>It answered with results (which the judge still has to check for shape).</summary>
    Results,

    /// <summary>It declined the case (<c>skipped: true</c>).</summary>
    Skipped,

    /// <summary>It reported an error of its own, or its reply broke the protocol (wrong seq, not JSON, wrong shape).</summary>
    Errored,

    /// <summary>No reply within the time limit.</summary>
    Timeout,

    /// <summary>The process died or closed its output.</summary>
    Crashed,
}
