using Ect.Verification;

namespace Ect.Creation;

/// <summary>Parameters of <see cref="EctCreator"/>, with the profile's defaults.</summary>
public sealed record CreateOptions
{
    /// <summary><c>exp</c> = <c>iat</c> + this when the payload has no <c>exp</c> (refimpl <c>ECT_DEFAULT_EXPIRY_MIN</c> = 10).</summary>
    public long DefaultExpirySeconds { get; init; } = 600;

    public bool ValidateUuids { get; init; } = true;

    public int MaxPredLength { get; init; } = 100;

    public int ExtMaxBytes { get; init; } = 4096;

    public int ExtMaxDepth { get; init; } = 5;

    internal ClaimRules ClaimRules => new(ValidateUuids, ExtMaxBytes, ExtMaxDepth);
}
