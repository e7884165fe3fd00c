using Ect.Ledger;
using Ect.Verification;

namespace Ect.Tests.Support;

public static class Verifiers
{
    public static VerifierOptions Options => new() { VerifierId = Tokens.Verifier };

    public static EctVerifier Create(EctDraft draft, VerifierOptions? options = null, IEctLedger? ledger = null) =>
        new(draft, options ?? Options, TestKeys.VerifierKeys(), ledger);

    /// <summary>Verifies at <see cref="Tokens.Now"/> and fails the test on any exception, since the engine must never throw.</summary>
    public static VerificationResult Check(this EctVerifier verifier, string? token) => verifier.VerifyUnguarded(token, Tokens.Now);
}
