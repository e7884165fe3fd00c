using System.Text.RegularExpressions;

namespace Ect.Conformance.Cli;

/// <summary>
/// One implementation a run judges: the in-process reference (<see cref="Command"/> null) or a harness
/// command line, with the name its reports go under, its expectations file and its homepage.
/// </summary>
internal sealed partial record ImplementationSpec
{
    public const string Reference = "reference";

    /// <summary>The name given on the command line or in the implementations file; null to use what the harness declares.</summary>
    public string? Name { get; init; }

    /// <summary>The harness command line; null for the in-process reference engine.</summary>
    public string? Command { get; init; }

    public string? ExpectationsPath { get; init; }

    public string? Homepage { get; init; }

    public bool IsReference => Command is null;

    /// <summary>How the terminal and the combined report name what was run.</summary>
    public string Describe() => IsReference ? $"--impl {Reference}" : $"--harness {Command}";

    /// <summary>
    /// <c>--harness "CMD"</c> or <c>--harness "NAME=CMD"</c>. A name is lowercase letters, digits, dots,
    /// dashes and underscores, so a leading environment assignment (<c>FOO=1 ./h</c>, uppercase by
    /// convention) stays part of the command.
    /// </summary>
    public static ImplementationSpec FromHarnessOption(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var named = NamedHarness().Match(value);
        return named.Success
            ? new ImplementationSpec { Name = named.Groups[1].Value, Command = named.Groups[2].Value }
            : new ImplementationSpec { Command = value };
    }

    [GeneratedRegex(@"^([a-z0-9][a-z0-9._-]*)=(\S.*)$")]
    private static partial Regex NamedHarness();
}
