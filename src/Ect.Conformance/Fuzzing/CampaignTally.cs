using Ect.Choices;
using Ect.Conformance.Judging;

namespace Ect.Conformance.Fuzzing;

/// <summary>What a campaign has counted, in case order: the cases by how they were judged, and one finding per distinct disagreement.</summary>
internal sealed class CampaignTally
{
    private readonly Dictionary<DisagreementKey, Finding> _findings = [];

    public long Cases { get; private set; }

    public long Skipped { get; private set; }

    public long VerdictDisagreements { get; private set; }

    public long DiagnosisDisagreements { get; private set; }

    public long NoAnswers { get; private set; }

    public long Acceptable { get; private set; }

    /// <summary>The findings, verdicts first, each kind in the order its first case came.</summary>
    public IReadOnlyList<Finding> Findings => [.. _findings.Values.OrderBy(f => f.Key.Kind).ThenBy(f => f.Index)];

    /// <summary>Counts one run case; true when it shows a disagreement no earlier case showed, whose finding is then <see cref="Add"/>ed.</summary>
    public bool Count(Probe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        Cases++;
        Acceptable += probe.Answer.Touched != ProfileChoice.None ? 1 : 0;
        if (probe.Judgement.Outcome == Outcome.Skipped)
        {
            Skipped++;
            return false;
        }

        if (probe.Key is not { } key)
        {
            return false;
        }

        switch (key.Kind)
        {
            case DisagreementKind.Verdict:
                VerdictDisagreements++;
                break;
            case DisagreementKind.Diagnosis:
                DiagnosisDisagreements++;
                break;
            default:
                NoAnswers++;
                break;
        }

        if (_findings.TryGetValue(key, out var known))
        {
            _findings[key] = known with { Occurrences = known.Occurrences + 1 };
            return false;
        }

        return true;
    }

    public void Add(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        _findings[finding.Key] = finding;
    }
}
