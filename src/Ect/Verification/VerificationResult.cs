using System.Diagnostics.CodeAnalysis;
using Ect.Errors;
using Ect.Model;

namespace Ect.Verification;

/// <summary>The outcome of verifying one token: the payload, or one error.</summary>
public sealed class VerificationResult
{
    private VerificationResult(EctPayload? payload, EctError? error, int level)
    {
        Payload = payload;
        Error = error;
        Level = level;
    }

    [MemberNotNullWhen(true, nameof(Payload))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;

    public EctPayload? Payload { get; }

    public EctError? Error { get; }

    /// <summary>The assurance level of an accepted token: 1 unsigned, 2 signed.</summary>
    public int Level { get; }

    internal static VerificationResult Valid(EctPayload payload, int level = 2) => new(payload, null, level);

    internal static VerificationResult Invalid(EctError error) => new(null, error, 0);

    internal static VerificationResult Invalid(EctErrorCode code, string message) => new(null, new EctError(code, message), 0);

    // Stryker disable all : unreachable: text for people reading a result; no harness reply carries it
    public override string ToString() => IsValid ? $"valid: {Payload}" : $"invalid: {Error}";
    // Stryker restore all
}
