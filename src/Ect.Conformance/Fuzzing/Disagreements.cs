using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Judging;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Fuzzing;

/// <summary>Reads a judgement of a generated case as a disagreement and its <see cref="DisagreementKey"/>.</summary>
internal static class Disagreements
{
    /// <summary>The key of what <paramref name="judgement"/> shows; null when the implementation agreed (or skipped).</summary>
    public static DisagreementKey? Classify(VectorCase vectorCase, Judgement judgement)
    {
        ArgumentNullException.ThrowIfNull(vectorCase);
        ArgumentNullException.ThrowIfNull(judgement);
        var operation = vectorCase.Operation;
        switch (judgement.Outcome)
        {
            case Outcome.Pass:
            case Outcome.Skipped:
                return null;
            case Outcome.Errored:
            case Outcome.Timeout:
            case Outcome.Crashed:
                var rule = FirstRule(vectorCase);
                return new DisagreementKey(DisagreementKind.NoAnswer, operation, rule, "an answer", judgement.Outcome.ToWireName());
        }

        var expected = vectorCase.Expected;
        var actual = judgement.Actual ?? [];
        DisagreementKey? diagnosis = null;
        for (var i = 0; i < expected.Count && i < actual.Count; i++)
        {
            var want = expected[i].Verdict.ToWireName();
            var got = Verdict(actual[i] as JsonObject);
            var allowed = expected[i].Codes;
            var wantCode = want == "invalid" ? string.Join("|", allowed) : "";
            var gotCode = got == "invalid" ? JsonText.TryGetString(actual[i]?["error"], out var c) ? c : "unknown" : "";
            if (want != "acceptable" && want != got)
            {
                var rule = ErrorRules.Of(want == "invalid" ? (allowed.Count > 0 ? allowed[0] : null) : gotCode) ?? FirstRule(vectorCase);
                return new DisagreementKey(DisagreementKind.Verdict, operation, rule, Show(want, wantCode), Show(got, gotCode));
            }

            if (diagnosis is null && want == "invalid" && allowed.Count > 0 && !allowed.Contains(gotCode))
            {
                diagnosis = new DisagreementKey(DisagreementKind.Diagnosis, operation, ErrorRules.Of(allowed[0]) ?? "none", Show(want, wantCode), Show(got, gotCode));
            }
        }

        if (judgement.Outcome == Outcome.PassVerdict)
        {
            return diagnosis ?? new DisagreementKey(DisagreementKind.Diagnosis, operation, FirstRule(vectorCase), "a code", "another");
        }

        // Every verdict agrees, so an accepted result's output differs.
        return new DisagreementKey(DisagreementKind.Verdict, operation, FirstRule(vectorCase), "the expected output", "another output");
    }

    private static string FirstRule(VectorCase vectorCase) => vectorCase.Rules.Count > 0 ? vectorCase.Rules[0] : "none";

    private static string Verdict(JsonObject? result) => result is not null && JsonText.TryGetString(result["result"], out var verdict) ? verdict : "no verdict";

    private static string Show(string verdict, string code) => code.Length == 0 ? verdict : $"{verdict} {code}";
}
