using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Ect.Conformance.Cases;

/// <summary>
/// Reads the JSON-compatible subset of YAML that vector files use, and nothing else: no anchors,
/// aliases or tags, no duplicate keys, and no plain scalar that YAML 1.1 and YAML 1.2 would read
/// differently (<c>yes</c>, <c>012</c>, <c>0x1F</c>, <c>2026-01-01</c>…). Plain <c>null</c>,
/// <c>true</c>, <c>false</c> and JSON numbers are JSON values; every other plain scalar and every
/// quoted scalar is a string. So any language's YAML or JSON tooling reads a vector file the same.
/// </summary>
public static partial class YamlJson
{
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    // Plain scalars a YAML 1.1 reader would not read as the same string: booleans, nulls, numbers, dates, sexagesimals.
    [GeneratedRegex(@"^(y|n|yes|no|on|off|true|false|null|~|[-+.]?[0-9].*|\.(inf|nan))$", RegexOptions.IgnoreCase)]
    private static partial Regex AmbiguousPlain();

    /// <summary>Parses one YAML document into JSON. Throws <see cref="FormatException"/> naming the line of the first problem.</summary>
    public static JsonNode? Parse(string yaml, string sourceName)
    {
        RefuseDirectives(yaml, sourceName);
        var stream = new YamlStream();
        Read(sourceName, () =>
        {
            // YamlDotNet's node model recurses on nesting and hashes aliased nodes as mapping keys
            // (an alias inside its own anchor overflows the stack), so the event stream, which does
            // not recurse, is checked for both before any node is built.
            CheckEvents(new Parser(new StringReader(yaml)), sourceName);
            stream.Load(new StringReader(yaml));
        });

        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"{sourceName}: expected exactly one YAML document, found {stream.Documents.Count}");
        }

        return Convert(stream.Documents[0].RootNode, sourceName);
    }

    /// <summary>How deep a vector file may nest; the corpus stays below 20 levels.</summary>
    public const int MaxDepth = 256;

    private static void Read(string sourceName, Action read)
    {
        try
        {
            read();
        }
        catch (YamlException e)
        {
            throw new FormatException($"{sourceName}:{e.Start.Line}: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this on some malformed input instead of a YamlException.
            throw new FormatException($"{sourceName}: not readable as YAML ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet reports a duplicate mapping key as an ArgumentException from its dictionary.
            throw new FormatException($"{sourceName}: {e.Message} (duplicate key?)", e);
        }
    }

    private static void CheckEvents(Parser parser, string sourceName)
    {
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    throw new FormatException($"{sourceName}:{alias.Start.Line}: anchors and aliases are not allowed (*{alias.Value})");
                case NodeEvent { Anchor.IsEmpty: false } anchored:
                    throw new FormatException($"{sourceName}:{anchored.Start.Line}: anchors and aliases are not allowed (&{anchored.Anchor})");
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    throw new FormatException($"{sourceName}:{parser.Current.Start.Line}: nested deeper than {MaxDepth} levels");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    /// <summary>
    /// Vector files never carry directives (<c>%YAML</c>, <c>%TAG</c>). Refusing them up front also
    /// keeps away from YamlDotNet's directive scanner, which took half a minute on a 1 KB fuzzed
    /// directive line (fuzz/regressions/yaml/directive-line-slow).
    /// </summary>
    private static void RefuseDirectives(string yaml, string sourceName)
    {
        var line = 1;
        for (var i = 0; i < yaml.Length; i++)
        {
            if (yaml[i] == '%' && (i == 0 || yaml[i - 1] is '\n' or '\r'))
            {
                throw new FormatException($"{sourceName}:{line}: YAML directives (%...) are not allowed in vector files");
            }

            if (yaml[i] == '\n')
            {
                line++;
            }
        }
    }

    private static JsonNode? Convert(YamlNode node, string source)
    {
        // Anchors and aliases never get here: CheckEvents refuses them before any node is built.
        if (!node.Tag.IsEmpty && node is not YamlScalarNode { Style: not ScalarStyle.Plain })
        {
            throw Error(node, source, $"tags are not allowed ({node.Tag})");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw Error(key, source, "mapping keys must be strings");
                    }

                    if (obj.ContainsKey(name))
                    {
                        throw Error(key, source, $"duplicate key \"{name}\"");
                    }

                    obj[name] = Convert(value, source);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, source));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar, source);
            default:
                throw Error(node, source, $"unsupported YAML node {node.NodeType}");
        }
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar, string source)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "null":
                return null;
            case "true":
                return JsonValue.Create(true);
            case "false":
                return JsonValue.Create(false);
        }

        if (JsonNumber().IsMatch(text))
        {
            return JsonNode.Parse(text.Length > 0 && text.All(char.IsAsciiDigit) && text.Length <= 18
                ? long.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
                : text);
        }

        if (text.Length == 0 || AmbiguousPlain().IsMatch(text))
        {
            throw Error(scalar, source, $"plain scalar \"{text}\" reads differently in YAML 1.1 and 1.2; quote it");
        }

        return JsonValue.Create(text);
    }

    private static FormatException Error(YamlNode node, string source, string message) =>
        new($"{source}:{node.Start.Line}: {message}");
}
