namespace Ect.Conformance.Cli;

/// <summary>Something the user asked for cannot be done (a missing file, conflicting options); exit status 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
