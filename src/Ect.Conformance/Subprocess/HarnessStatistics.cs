namespace Ect.Conformance.Subprocess;

/// <summary>
/// What reading a harness's standard output cost: bytes read, bytes the line splitting copied, and
/// the largest its line buffer grew. Kept so tests can hold the reader to linear work and bounded memory.
/// </summary>
internal readonly record struct HarnessStatistics(long BytesRead, long BytesCopied, int PeakLineBuffer)
{
    public static HarnessStatistics operator +(HarnessStatistics a, HarnessStatistics b) =>
        new(a.BytesRead + b.BytesRead, a.BytesCopied + b.BytesCopied, Math.Max(a.PeakLineBuffer, b.PeakLineBuffer));
}
