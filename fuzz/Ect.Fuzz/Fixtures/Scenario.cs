using Ect.Verification;

namespace Ect.Fuzz.Fixtures;

/// <summary>The fixed world every verification target runs in: one clock, one verifier identity, two workflows.</summary>
public static class Scenario
{
    /// <summary>2026-01-01T00:00:00Z, the clock the vectors use.</summary>
    public const long Now = 1_767_225_600;

    public const string Verifier = "spiffe://example.com/agent/b";
    public const string Issuer = "spiffe://example.com/agent/a";
    public const string Workflow = "a0b1c2d3-e4f5-4789-abcd-ef0123456789";
    public const string OtherWorkflow = "b0b1c2d3-e4f5-4789-abcd-ef0123456789";

    /// <summary>Stored tasks (see <see cref="StoreFixture"/>).</summary>
    public const string Root1 = "11111111-1111-4111-8111-111111111111";
    public const string Root2 = "22222222-2222-4222-8222-222222222222";
    public const string Middle = "33333333-3333-4333-8333-333333333333";
    public const string OtherRoot = "44444444-4444-4444-8444-444444444444";
    public const string NoWorkflow = "55555555-5555-4555-8555-555555555555";
    public const string Dangling = "66666666-6666-4666-8666-666666666666";

    /// <summary>Referenced by <see cref="Dangling"/> but not stored: a token with this jti and <see cref="Dangling"/> as predecessor closes a cycle.</summary>
    public const string Missing = "77777777-7777-4777-8777-777777777777";

    /// <summary>Defaults, and level 1 (unsigned) allowed so that fuzzed single-segment input reaches the claim and DAG checks.</summary>
    public static VerifierOptions Options { get; } = new() { VerifierId = Verifier, MinimumLevel = 1 };
}
