using Ect.Errors;
using Ect.Ledger;
using Ect.Verification;

namespace Ect.Fuzz.Oracles;

/// <summary>What every verification result must satisfy, whatever the input (VerificationResult's contract, LDG-1, LDG-2, RPL-2).</summary>
public static class VerificationInvariants
{
    public static void Check(VerificationResult result, IEctLedger ledger, int storedBefore, string context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ledger);
        if (result.IsValid)
        {
            var payload = result.Payload;
            Oracles.Check.That(result.Error is null && result.Level is 1 or 2, () => $"{context}: valid result with error {result.Error} or level {result.Level}");
            Oracles.Check.That(payload.Jti.Length > 0 && payload.Issuer.Length > 0 && payload.ExecAct.Length > 0,
                () => $"{context}: accepted payload with an empty jti, iss or exec_act");
            Oracles.Check.That(payload.ExpiresAt > payload.IssuedAt, () => $"{context}: accepted exp {payload.ExpiresAt} not after iat {payload.IssuedAt}");

            // The public accessors of an accepted payload are what harnesses and callers use next: they must work on it.
            _ = payload.ToJsonObject();
            _ = payload.GetExtension();
            Oracles.Check.That(ledger.Count == storedBefore + 1 && ReferenceEquals(ledger.Find(payload.Jti, payload.Wid), payload),
                () => $"{context}: the accepted payload was not appended to the ledger exactly once (LDG-2)");
            return;
        }

        var error = result.Error;
        Oracles.Check.That(result.Payload is null && error.Code != EctErrorCode.None && Enum.IsDefined(error.Code),
            () => $"{context}: invalid result with code {error.Code} or a payload");
        Oracles.Check.That(!string.IsNullOrWhiteSpace(error.Message), () => $"{context}: {error.CodeName} without a message");
        Oracles.Check.That(ledger.Count == storedBefore, () => $"{context}: a rejected token ({error}) changed the ledger (LDG-2)");
    }
}
