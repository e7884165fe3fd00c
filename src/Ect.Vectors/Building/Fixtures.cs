namespace Ect.Vectors.Building;

/// <summary>The fixed values every vector shares: the frozen clock, the identities, and readable UUIDs.</summary>
public static class Fixtures
{
    /// <summary>2026-01-01T00:00:00Z: the verifier's clock in every vector unless a case says otherwise.</summary>
    public const long Now = 1_767_225_600;

    /// <summary>The usual issuer (agent-a's SPIFFE ID).</summary>
    public const string Issuer = "spiffe://example.com/agent/a";

    /// <summary>The verifier (agent-b); its identity is in the default <c>aud</c>.</summary>
    public const string Verifier = "spiffe://example.com/agent/b";

    /// <summary>Another workload, used where <c>aud</c> must not match.</summary>
    public const string Other = "spiffe://example.com/agent/c";

    public const string ExecAct = "review_spec";

    /// <summary>Task ids: <c>00000000-0000-4000-8000-0000000000NN</c> (a UUIDv4 layout), so task 1 is easy to spot in a DAG.</summary>
    public static string Task(int n) => $"00000000-0000-4000-8000-{n:x12}";

    /// <summary>Workflow ids: <c>10000000-0000-4000-a000-0000000000NN</c>.</summary>
    public static string Workflow(int n) => $"10000000-0000-4000-a000-{n:x12}";

    /// <summary>The default workflow of a vector's tokens.</summary>
    public static string W1 => Workflow(1);
}
