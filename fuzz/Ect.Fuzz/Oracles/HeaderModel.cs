using System.Text.RegularExpressions;

namespace Ect.Fuzz.Oracles;

/// <summary>
/// HTTP-1 written again from the profile text with a regular expression: split each field on
/// commas, trim optional whitespace (RFC 9110 OWS: space and tab), skip empty members, and every
/// other member must be three base64url segments, the last of which may be empty.
/// </summary>
public static partial class HeaderModel
{
    [GeneratedRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\z")]
    private static partial Regex CompactJws();

    /// <summary>The tokens in order, or null when some member is not a compact JWS.</summary>
    public static List<string>? Parse(IEnumerable<string?> fields)
    {
        var tokens = new List<string>();
        foreach (var field in fields)
        {
            foreach (var member in (field ?? "").Split(','))
            {
                var token = member.Trim(' ', '\t');
                if (token.Length == 0)
                {
                    continue;
                }

                if (!CompactJws().IsMatch(token))
                {
                    return null;
                }

                tokens.Add(token);
            }
        }

        return tokens;
    }
}
