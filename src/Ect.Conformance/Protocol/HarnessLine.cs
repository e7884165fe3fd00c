namespace Ect.Conformance.Protocol;

/// <summary>What waiting for one line of harness output produced.</summary>
internal readonly record struct HarnessLine(HarnessLineKind Kind, string? Text, string Detail)
{
    public static HarnessLine Line(string text) => new(HarnessLineKind.Line, text, "");

    public static HarnessLine Closed(string detail) => new(HarnessLineKind.Closed, null, detail);

    public static HarnessLine TimedOut(string detail) => new(HarnessLineKind.TimedOut, null, detail);
}

internal enum HarnessLineKind
{
    Line,

    /// <summary>The harness closed its standard output or died.</summary>
    Closed,

    /// <summary>No complete line before the deadline.</summary>
    TimedOut,
}
