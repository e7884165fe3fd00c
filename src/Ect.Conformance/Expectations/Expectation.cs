using Ect.Conformance.Judging;

namespace Ect.Conformance.Expectations;

/// <summary>A known deviation: the outcome an implementation is expected to have on a run, and why.</summary>
public sealed record Expectation(Outcome Outcome, string Reason, string? Issue = null);
