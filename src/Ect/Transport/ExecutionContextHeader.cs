using Ect.Errors;
using Ect.Parsing;

namespace Ect.Transport;

/// <summary>
/// The <c>Execution-Context</c> HTTP field (HTTP-1, feature <c>http-header</c>): one or more
/// fields, each a comma-separated list of compact JWS values with optional whitespace; empty
/// members are skipped.
/// </summary>
public static class ExecutionContextHeader
{
    public const string FieldName = "Execution-Context";

    /// <summary>The tokens in field order, or the first member that is not a compact JWS.</summary>
    public static HeaderParseResult Parse(IEnumerable<string?> fieldValues)
    {
        ArgumentNullException.ThrowIfNull(fieldValues);
        var tokens = new List<string>();
        var field = 0;
        foreach (var value in fieldValues)
        {
            field++;
            foreach (var member in (value ?? "").Split(','))
            {
                var token = member.Trim(' ', '\t');
                if (token.Length == 0)
                {
                    continue;
                }

                if (!IsCompactJwsShape(token))
                {
                    return HeaderParseResult.Refused(new EctError(EctErrorCode.Malformed,
                        $"{FieldName} field {field} has a member that is not a compact JWS: \"{(token.Length > 40 ? token[..37] + "..." : token)}\""));
                }

                tokens.Add(token);
            }
        }

        return HeaderParseResult.Parsed(tokens);
    }

    /// <summary>Three segments of base64url characters (the signature may be empty), nothing else.</summary>
    public static bool IsCompactJwsShape(ReadOnlySpan<char> token)
    {
        var dots = 0;
        var segmentLength = 0;
        foreach (var c in token)
        {
            if (c == '.')
            {
                if (segmentLength == 0 || ++dots > 2)
                {
                    return false;
                }

                segmentLength = 0;
            }
            else if (Base64Url.ValueOf(c) < 0)
            {
                return false;
            }
            else
            {
                segmentLength++;
            }
        }

        return dots == 2;
    }
}
