namespace Ect.Verification;

/// <summary>What the claim reader enforces beyond presence and JSON types.</summary>
internal readonly record struct ClaimRules(bool ValidateUuids, int ExtMaxBytes, int ExtMaxDepth)
{
    /// <summary>The profile's defaults: UUIDs checked, 4096 bytes, depth 5.</summary>
    public static ClaimRules Default => new(true, 4096, 5);
}
