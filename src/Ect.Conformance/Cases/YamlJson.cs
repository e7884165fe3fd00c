using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
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
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{sourceName}:{e.Start.Line}: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet reports a duplicate mapping key as an ArgumentException from its dictionary.
            throw new FormatException($"{sourceName}: {e.Message} (duplicate key?)", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"{sourceName}: expected exactly one YAML document, found {stream.Documents.Count}");
        }

        return Convert(stream.Documents[0].RootNode, sourceName);
    }

    private static JsonNode? Convert(YamlNode node, string source)
    {
        if (!node.Anchor.IsEmpty)
        {
            throw Error(node, source, $"anchors and aliases are not allowed (&{node.Anchor})");
        }

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
