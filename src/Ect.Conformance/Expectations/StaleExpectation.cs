namespace Ect.Conformance.Expectations;

/// <summary>An entry of the expectations file that names no case of the suite (a renamed or removed case).</summary>
public sealed record StaleExpectation(string Key, Expectation Entry);
