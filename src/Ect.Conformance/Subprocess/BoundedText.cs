using System.Text;

namespace Ect.Conformance.Subprocess;

/// <summary>
/// Keeps the last <c>limit</c> characters appended. A chatty or runaway harness must not be able to
/// exhaust the runner's memory through its standard error, and the end of a log (the traceback)
/// is the part that explains a crash. Thread-safe: the stderr pump appends while the runner reads.
/// </summary>
internal sealed class BoundedText(int limit)
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();
    private long _dropped;

    public void Append(string chunk)
    {
        lock (_lock)
        {
            _text.Append(chunk);
            if (_text.Length > limit)
            {
                var excess = _text.Length - limit;
                _text.Remove(0, excess);
                _dropped += excess;
            }
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _text.Length == 0;
            }
        }
    }

    /// <summary>The kept text, prefixed with a note when older text was dropped.</summary>
    public override string ToString()
    {
        lock (_lock)
        {
            return _dropped == 0 ? _text.ToString() : $"[... {_dropped} earlier characters dropped ...]\n{_text}";
        }
    }

    /// <summary>Returns the kept text and starts afresh.</summary>
    public string? Take()
    {
        lock (_lock)
        {
            if (_text.Length == 0 && _dropped == 0)
            {
                return null;
            }

            var text = _dropped == 0 ? _text.ToString() : $"[... {_dropped} earlier characters dropped ...]\n{_text}";
            _text.Clear();
            _dropped = 0;
            return text;
        }
    }
}
