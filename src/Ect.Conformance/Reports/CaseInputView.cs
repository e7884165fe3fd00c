using System.Text;
using System.Text.Json.Nodes;
using Ect.Conformance.Cases;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Reports;

/// <summary>
/// A case's input as a reader needs it next to a failure: each token with its decoded header and
/// payload, the store, the options that differ from the profile's defaults, and the rest. Every
/// part is bounded (hostile vectors carry 64 KB tokens and 20,000-deep payloads).
/// </summary>
public static class CaseInputView
{
    /// <summary>Longest text shown for one part; the rest is cut with a note of its length.</summary>
    public const int MaxChars = 3000;

    private const int ShownDepth = 12;

    /// <summary>One labelled part of the input.</summary>
    public sealed record Part(string Label, string Text);

    public static IReadOnlyList<Part> Of(CaseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = run.Case.Input;
        var parts = new List<Part>();
        if (input["options"] is JsonObject options)
        {
            var changed = ChangedOptions(run.Case.Operation, options);
            parts.Add(new Part("options (differing from the profile defaults)", changed.Count == 0 ? "none" : Show(changed)));
        }

        if (input["tokens"] is JsonArray tokens)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var label = tokens.Count == 1 ? "token" : $"token {i + 1} of {tokens.Count}";
                if (JsonText.TryGetString(tokens[i], out var token))
                {
                    parts.Add(new Part(label, Cut(token)));
                    parts.AddRange(Decoded(token, label));
                }
                else
                {
                    parts.Add(new Part(label, Show(tokens[i])));
                }
            }
        }

        foreach (var (name, value) in input)
        {
            if (name is "options" or "tokens")
            {
                continue;
            }

            parts.Add(new Part(name, name == "store" && value is JsonArray { Count: 0 } ? "empty" : Show(value)));
        }

        return parts;
    }

    /// <summary>Options whose value differs from the profile's default for the operation, and those without a default (<c>verifier_id</c>).</summary>
    public static JsonObject ChangedOptions(string operation, JsonObject options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = (operation switch
        {
            CaseOperation.Verify => ProfileDefaults.Verifier,
            CaseOperation.Dag => ProfileDefaults.Dag,
            CaseOperation.Create => ProfileDefaults.Create,
            _ => [],
        }).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var changed = new JsonObject();
        foreach (var (name, value) in options)
        {
            if (!defaults.TryGetValue(name, out var standard) || !Judging.JsonEquality.DeepEquals(standard, value))
            {
                changed[name] = value?.DeepClone();
            }
        }

        return changed;
    }

    /// <summary>Header and payload of a compact JWS (or the one segment of an unsigned ECT), when they decode.</summary>
    private static IEnumerable<Part> Decoded(string token, string label)
    {
        var segments = token.Split('.');
        string[] names = segments.Length == 1 ? ["payload"] : ["header", "payload"];
        for (var i = 0; i < names.Length && i < segments.Length; i++)
        {
            if (DecodeSegment(segments[i]) is { } json)
            {
                yield return new Part($"{label}: {names[i]} (decoded)", json);
            }
        }
    }

    private static string? DecodeSegment(string segment)
    {
        try
        {
            var base64 = segment.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var bytes = Convert.FromBase64String(base64);
            var text = new UTF8Encoding(false, true).GetString(bytes);
            try
            {
                var node = JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = ReplyReader.MaxDepth });
                return Cut(ReadableJson.Text(node, ShownDepth));
            }
            catch (System.Text.Json.JsonException)
            {
                return Cut(text) + "\n(not JSON)";
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // Not base64url, or not UTF-8 (DecoderFallbackException): the token itself is shown already.
            return null;
        }
    }

    private static string Show(JsonNode? node) => Cut(ReadableJson.Text(node, ShownDepth));

    private static string Cut(string text) => text.Length <= MaxChars ? text : $"{text[..MaxChars]}… ({text.Length:N0} characters in all)";
}
