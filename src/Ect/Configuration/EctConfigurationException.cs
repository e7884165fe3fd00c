namespace Ect.Configuration;

/// <summary>A configuration value that cannot be used; the message names the variable and the value.</summary>
public sealed class EctConfigurationException : Exception
{
    public EctConfigurationException(string variable, string message)
        : base(message) => Variable = variable;

    public EctConfigurationException()
    {
        Variable = "";
    }

    public EctConfigurationException(string message)
        : base(message) => Variable = "";

    public EctConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Variable = "";

    /// <summary>The environment variable at fault.</summary>
    public string Variable { get; }
}
