namespace Ect.Errors;

/// <summary>A rejection: one profile error code and a message that names what is at fault.</summary>
public sealed record EctError(EctErrorCode Code, string Message)
{
    /// <summary>The wire name of <see cref="Code"/>.</summary>
    public string CodeName => Code.ToWireName();

    public override string ToString() => $"{CodeName}: {Message}";
}
