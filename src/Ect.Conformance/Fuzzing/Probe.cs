using Ect.Conformance.Judging;

namespace Ect.Conformance.Fuzzing;

/// <summary>One generated case asked of the reference and of the implementation, judged.</summary>
internal sealed record Probe(FuzzCase Generated, OracleAnswer Answer, Judgement Judgement, DisagreementKey? Key)
{
    /// <summary>What the implementation wrote on stderr during the case.</summary>
    public string? Stderr { get; init; }
}
