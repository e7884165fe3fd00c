using System.Globalization;

namespace Ect.Conformance.Protocol;

/// <summary>
/// Cuts what a harness sent to a length a report can carry, saying where and how much: a harness
/// controls its messages and names, and a 10 MB one would be copied into every report.
/// </summary>
public static class TextLimit
{
    /// <summary>The text itself when it has at most <paramref name="limit"/> characters; else its start and a note of its length.</summary>
    public static string Shorten(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (text.Length <= limit)
        {
            return text;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Start(text, limit)}... [cut: {text.Length:N0} characters]");
    }

    /// <summary>The first <paramref name="limit"/> characters at most, never ending in half a surrogate pair (which could not be written as JSON).</summary>
    public static ReadOnlySpan<char> Start(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= limit)
        {
            return text;
        }

        return text.AsSpan(0, char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit);
    }
}
