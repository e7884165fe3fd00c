using Ect.Fuzz.Fixtures;
using Ect.Verification;

namespace Ect.Fuzz.Oracles;

/// <summary>One verification with a fresh verifier, replay cache and store-fixture ledger, checked against <see cref="VerificationInvariants"/>.</summary>
public static class VerifyOnce
{
    public static VerificationResult Run(EctDraft draft, string token, VerifierOptions options, out EctVerifier verifier)
    {
        var ledger = StoreFixture.Ledger(draft);
        verifier = new EctVerifier(draft, options, FuzzKeys.VerifierKeys, ledger);
        var before = ledger.Count;
        var result = verifier.VerifyUnguarded(token, Scenario.Now);
        VerificationInvariants.Check(result, ledger, before, $"mode {draft.ToWireName()}");
        return result;
    }
}
