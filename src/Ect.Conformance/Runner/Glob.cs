using System.Text;
using System.Text.RegularExpressions;

namespace Ect.Conformance.Runner;

/// <summary>
/// Shell-style patterns for case ids and rule ids: <c>*</c> any run of characters (including
/// <c>::</c>, so <c>dag::*</c> selects a whole topic), <c>?</c> one character; everything else literal.
/// </summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return Regex.IsMatch(text, regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
