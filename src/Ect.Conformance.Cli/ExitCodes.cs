namespace Ect.Conformance.Cli;

/// <summary>The exit statuses of harness protocol §3.</summary>
public static class ExitCodes
{
    /// <summary>Every run passed or matched its expectation (compare: nothing got worse).</summary>
    public const int Success = 0;

    /// <summary>Some run did not (compare: some run got worse).</summary>
    public const int Failures = 1;

    /// <summary>The run could not be carried out: bad arguments, missing or invalid files, a harness that never answered start.</summary>
    public const int Unusable = 2;
}
