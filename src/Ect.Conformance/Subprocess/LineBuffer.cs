using System.Text;

namespace Ect.Conformance.Subprocess;

/// <summary>
/// The bytes of the line a harness is printing, up to a limit. It grows by doubling (capped at the
/// limit), so a line of n bytes costs under 2n bytes of copying however it arrives; the half line a
/// timeout report quotes is read from it in place, never copied whole. Counts what it copies so a
/// test can hold it to that. Not thread-safe: the stdout pump and the reader share it under a lock.
/// </summary>
internal sealed class LineBuffer(int limit)
{
    private const int InitialCapacity = 4 * 1024;

    private byte[] _bytes = [];

    /// <summary>Bytes of the current line.</summary>
    public int Length { get; private set; }

    /// <summary>The largest the buffer has been, in bytes: at most the limit.</summary>
    public int PeakCapacity { get; private set; }

    /// <summary>Every byte this buffer moved: appended, moved when it grew, or decoded.</summary>
    public long BytesCopied { get; private set; }

    /// <summary>Appends a piece of the line; false (and nothing kept) when the line would pass the limit.</summary>
    public bool TryAppend(ReadOnlySpan<byte> piece)
    {
        if ((long)Length + piece.Length > limit)
        {
            return false;
        }

        if (Length + piece.Length > _bytes.Length)
        {
            var capacity = Math.Min(limit, Math.Max(Math.Max(InitialCapacity, piece.Length + Length), _bytes.Length * 2L));
            var grown = new byte[capacity];
            _bytes.AsSpan(0, Length).CopyTo(grown);
            BytesCopied += Length;
            _bytes = grown;
            PeakCapacity = Math.Max(PeakCapacity, (int)capacity);
        }

        piece.CopyTo(_bytes.AsSpan(Length));
        Length += piece.Length;
        BytesCopied += piece.Length;
        return true;
    }

    /// <summary>The line as text.</summary>
    public string Decode()
    {
        BytesCopied += Length;
        return Encoding.UTF8.GetString(_bytes, 0, Length);
    }

    /// <summary>The line's bytes, copied once.</summary>
    public byte[] ToArray()
    {
        BytesCopied += Length;
        return _bytes.AsSpan(0, Length).ToArray();
    }

    /// <summary>The first <paramref name="maxBytes"/> bytes as text (a character cut in two becomes U+FFFD).</summary>
    public string DecodePrefix(int maxBytes)
    {
        var count = Math.Min(maxBytes, Length);
        BytesCopied += count;
        return Encoding.UTF8.GetString(_bytes, 0, count);
    }

    /// <summary>Starts the next line; <paramref name="release"/> gives a large buffer back rather than keeping it for the next line.</summary>
    public void Clear(bool release = false)
    {
        Length = 0;
        if (release)
        {
            _bytes = [];
        }
    }
}
