namespace Ect.Conformance.Cases;

/// <summary>What a case requires of one result (harness protocol §1 "Expected results").</summary>
public enum ExpectedVerdict
{
    /// <summary>Must be accepted, with the expected outputs when the case gives them.</summary>
    Valid,

    /// <summary>Must be rejected, with one of the allowed codes.</summary>
    Invalid,

    /// <summary>Either verdict passes; a rejection carries one of the allowed codes when the case names any.</summary>
    Acceptable,
}
