namespace Ect.Conformance.Subprocess;

/// <summary>What waiting for one line of harness output produced.</summary>
internal readonly record struct HarnessLine(HarnessLineKind Kind, byte[]? Utf8, string Detail)
{
    /// <summary>A line as printed: UTF-8 bytes, without the newline.</summary>
    public static HarnessLine Line(byte[] utf8) => new(HarnessLineKind.Line, utf8, "");

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
