using Ect.Conformance.Cases;
using Ect.Conformance.Fuzzing;

namespace Ect.Conformance.Tests.Fuzzing;

/// <summary>
/// A slip whose only effect is another code is still a diagnosis disagreement, however many codes
/// the oracle allows: a code of no rule the case breaks, a later stage's code where DAG-9 fixes the
/// earlier one, or the other code of a rule where only one is right.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class DiagnosisSlipTests
{
    [TestCase("wid_invalid", "claim_invalid", "CLM-5")]
    [TestCase("iat_too_old", "iat_in_future", "TIME-2")]
    [TestCase("signature_invalid", "claim_invalid", "SIG-3")]
    [TestCase("replay", "dag_duplicate_jti", "RPL-1")]
    [TestCase("key_unknown", "kid_missing", "HDR-3")]
    public async Task ASlipThatOnlyChangesTheCodeIsADiagnosisDisagreement(string from, string to, string rule)
    {
        await using var slip = new ReferenceWithCodeSlip(from, to);
        var report = await new FuzzCampaign(new FuzzSettings { Seed = 1, MaxCases = 300, Operations = [CaseOperation.Verify], Rules = [rule], Shrink = false }).RunAsync(slip);
        Assert.Multiple(() =>
        {
            Assert.That(report.Findings.Where(f => f.Key.Kind != DisagreementKind.Diagnosis), Is.Empty, "the verdicts are the reference's");
            Assert.That(report.Findings.Select(f => f.Key.Actual), Has.Some.EqualTo("invalid " + to), $"{from} reported as {to} in {report.Cases} cases");
            Assert.That(report.ExitCode(strictDiagnosis: true), Is.EqualTo(1));
        });
    }
}
