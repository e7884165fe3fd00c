using System.Text.Json;
using System.Text.Unicode;

namespace Ect.Parsing;

/// <summary>
/// JSON as the profile reads it (PARSE-2, PARSE-3): UTF-8 only, one value, duplicate member
/// names rejected at every depth, nesting bounded so hostile input cannot exhaust the stack.
/// </summary>
internal static class StrictJson
{
    /// <summary>Nesting beyond this depth is malformed. Far above the extension limit (5), far below anything that could hurt.</summary>
    public const int MaxDepth = 256;

    /// <summary>Options shared by every strict parse.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Parses a JSON object; on failure returns null and says why.</summary>
    public static JsonDocument? TryParseObject(ReadOnlyMemory<byte> utf8, out string? error)
    {
        // The reader checks JSON structure but not the UTF-8 inside strings it is never asked to decode.
        if (!Utf8.IsValid(utf8.Span))
        {
            // Stryker disable once String : message only
            error = "is not valid UTF-8";
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            // Stryker disable once String : message only
            error = "is not valid JSON (" + FirstSentence(e.Message) + ")";
            return null;
        }
        catch (InvalidOperationException)
        {
            // The duplicate-name check decodes every member name, and a lone surrogate escape ("\ud800") decodes to no Unicode string.
            // Stryker disable once String : message only
            error = "has a member name with an escape that is not valid Unicode";
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            // Stryker disable once String : message only
            error = "is a JSON " + document.RootElement.ValueKind.ToString().ToLowerInvariant() + ", not an object";
            // Stryker disable once Statement : resource release only
            document.Dispose();
            return null;
        }

        error = null;
        return document;
    }

    // Stryker disable once String,Conditional,Equality,Block : message only
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
