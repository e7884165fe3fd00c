namespace Ect.Conformance.Protocol;

/// <summary>The harness could not be started or never gave a usable answer to <c>start</c>: the run cannot be carried out.</summary>
public sealed class HarnessStartException : Exception
{
    public HarnessStartException()
    {
    }

    public HarnessStartException(string message)
        : base(message)
    {
    }

    public HarnessStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
