namespace Ect.Fuzz.Oracles;

/// <summary>An oracle saw something the API or the profile rules out. Never caught by a target: it is a finding.</summary>
public sealed class OracleViolationException : Exception
{
    public OracleViolationException()
    {
    }

    public OracleViolationException(string message)
        : base(message)
    {
    }

    public OracleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
