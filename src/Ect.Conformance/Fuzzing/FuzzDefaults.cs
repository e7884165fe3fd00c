namespace Ect.Conformance.Fuzzing;

/// <summary>The frozen clock and identities every generated case uses, the same as the vectors'.</summary>
internal static class FuzzDefaults
{
    /// <summary>2026-01-01T00:00:00Z.</summary>
    public const long Now = 1_767_225_600;

    public const string VerifierId = "spiffe://example.com/agent/b";

    public const string Issuer = "spiffe://example.com/agent/a";
}
