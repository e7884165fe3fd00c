namespace Ect.Conformance.Runner;

/// <summary>Reported after every run, so a front end can show a counter.</summary>
public sealed record RunProgress(int Done, int Total, RunResult Last);
