namespace Ect.Conformance.Expectations;

/// <summary>The verdict on one run against the expectations: its status, the entry that applied (if any) and under which key.</summary>
public sealed record RunExpectation(ExpectationStatus Status, Expectation? Entry, string? EntryKey, string Note);
