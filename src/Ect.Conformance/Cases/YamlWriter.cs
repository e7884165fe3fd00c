using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
namespace Ect.Conformance.Cases;

/// <summary>
/// Writes the JSON-compatible subset of YAML that <c>YamlJson</c> reads: block mappings and
/// sequences, <c>[]</c>/<c>{}</c> for empty ones, every string double-quoted with JSON escapes
/// (printable non-ASCII text stays literal UTF-8), numbers, booleans and null plain. Keys are
/// plain only when they are lowercase identifiers that no YAML version reads as anything else.
/// Output is a pure function of the input, with LF line ends.
/// </summary>
public static partial class YamlWriter
{
    private static readonly HashSet<string> AmbiguousKeys = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"];

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainKey();

    /// <summary>A vector file: a comment header, then one block-sequence entry per case, separated by blank lines.</summary>
    public static string WriteCases(IEnumerable<CommentedCase> cases, string headerComment)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var text = new StringBuilder();
        AppendComment(text, headerComment);
        foreach (var spec in cases)
        {
            text.Append('\n');
            var lines = CaseLines(spec).ToList();
            text.Append("- ").Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                text.Append(line.Length == 0 ? "" : "  ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Any JSON document (a mapping or a sequence at the root), with a comment header.</summary>
    public static string WriteDocument(JsonNode root, string headerComment)
    {
        var text = new StringBuilder();
        AppendComment(text, headerComment);
        foreach (var line in Lines(root))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendComment(StringBuilder text, string comment)
    {
        foreach (var line in comment.Split('\n'))
        {
            text.Append(line.Length == 0 ? "#" : "# " + Escape(line, quoted: false)).Append('\n');
        }
    }

    private static IEnumerable<string> CaseLines(CommentedCase spec)
    {
        foreach (var (key, value) in spec.Case.ToJson())
        {
            if (key == "input" && value is JsonObject input)
            {
                yield return "input:";
                foreach (var line in MappingLines(input, spec.Comments))
                {
                    yield return "  " + line;
                }
            }
            else
            {
                foreach (var line in Member(key, value))
                {
                    yield return line;
                }
            }
        }
    }

    private static IEnumerable<string> Lines(JsonNode? node) => node switch
    {
        JsonObject o => MappingLines(o, null),
        JsonArray a => SequenceLines(a, null),
        _ => [Scalar(node)],
    };

    private static IEnumerable<string> MappingLines(JsonObject obj, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>>? notes)
    {
        foreach (var (key, value) in obj)
        {
            if (notes is not null && notes.TryGetValue(key, out var itemNotes) && value is JsonArray { Count: > 0 } items)
            {
                yield return Key(key) + ":";
                foreach (var line in SequenceLines(items, itemNotes))
                {
                    yield return "  " + line;
                }

                continue;
            }

            foreach (var line in Member(key, value))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> Member(string key, JsonNode? value)
    {
        if (IsBlock(value))
        {
            yield return Key(key) + ":";
            foreach (var line in Lines(value))
            {
                yield return "  " + line;
            }
        }
        else
        {
            yield return Key(key) + ": " + Scalar(value);
        }
    }

    private static IEnumerable<string> SequenceLines(JsonArray array, IReadOnlyList<IReadOnlyList<string>>? notes)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (notes is not null && i < notes.Count)
            {
                foreach (var note in notes[i])
                {
                    yield return "# " + Escape(note, quoted: false);
                }
            }

            var item = array[i];
            if (!IsBlock(item))
            {
                yield return "- " + Scalar(item);
                continue;
            }

            var first = true;
            foreach (var line in Lines(item))
            {
                yield return (first ? "- " : "  ") + line;
                first = false;
            }
        }
    }

    private static bool IsBlock(JsonNode? node) => node is JsonObject { Count: > 0 } or JsonArray { Count: > 0 };

    private static string Key(string key) =>
        PlainKey().IsMatch(key) && !AmbiguousKeys.Contains(key) ? key : Quote(key);

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.TryGetValue<string>(out var s) => Quote(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => node.ToJsonString(),
    };

    public static string Quote(string text) => "\"" + Escape(text, quoted: true) + "\"";

    /// <summary>JSON string escapes for what YAML would not keep literally; printable non-ASCII stays as it is.</summary>
    private static string Escape(string text, bool quoted)
    {
        var result = new StringBuilder(text.Length + 2);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '"' when quoted:
                    result.Append("\\\"");
                    break;
                case '\\' when quoted:
                    result.Append("\\\\");
                    break;
                case '\n':
                    result.Append("\\n");
                    break;
                case '\t':
                    result.Append("\\t");
                    break;
                case '\r':
                    result.Append("\\r");
                    break;
                default:
                    if (c < 0x20 || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c))
                    {
                        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }
}
