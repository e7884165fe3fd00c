namespace Ect.Verification;

/// <summary>What the claim reader enforces beyond presence and JSON types.</summary>
internal readonly record struct ClaimRules(bool ValidateUuids, int ExtMaxBytes, int ExtMaxDepth)
{
    /// <summary>The profile's defaults: UUIDs checked, 4096 bytes, depth 5.</summary>
    // Stryker disable all : unreachable: a case's verifier builds its rules from the case's options; Default serves the API only
    public static ClaimRules Default => new(true, 4096, 5);
    // Stryker restore all
}
