using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ect.Conformance.Protocol;

namespace Ect.Conformance.Judging;

/// <summary>
/// What of a judged reply is kept for the reports. The judge sees the whole reply (up to the 64 MiB
/// line limit), but a run keeps its reply for the rest of the session and every report copies it:
/// a 60 MB reply kept whole cost 1.8 GB of memory and made a 755 MB results.json. So a kept reply
/// holds at most <see cref="MaxChars"/> characters, strings of at most <see cref="MaxStringChars"/>
/// and nesting of at most <see cref="MaxDepth"/> levels; each cut is marked where it was made and
/// summed up in <see cref="Judgement.ActualCut"/>.
/// </summary>
public static class KeptReply
{
    /// <summary>Characters of a reply kept at most (strings, member names, punctuation).</summary>
    public const int MaxChars = 64 * 1024;

    /// <summary>Characters of one string kept at most (a token of the corpus is far shorter).</summary>
    public const int MaxStringChars = 2 * 1024;

    /// <summary>Levels below the results array kept at most; a payload of the corpus nests a few.</summary>
    public const int MaxDepth = 32;

    /// <summary>Characters of one error code kept at most.</summary>
    public const int MaxErrorCodeChars = 200;

    /// <summary>The judgement with its reply bounded; the same judgement when nothing had to be cut.</summary>
    public static Judgement Bound(Judgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        if (judgement.Actual is not { } actual)
        {
            return judgement;
        }

        var cuts = new Cuts();
        var kept = (JsonArray)Copy(actual, 0, cuts)!;
        var errors = judgement.ActualErrors.Select(e => e is null ? null : Shorten(e, MaxErrorCodeChars, cuts)).ToList();
        return cuts.Any
            ? judgement with { Actual = kept, ActualErrors = errors, ActualCut = cuts.Describe() }
            : judgement;
    }

    private static string Shorten(string text, int limit, Cuts cuts)
    {
        if (text.Length > limit)
        {
            cuts.Strings++;
        }

        return TextLimit.Shorten(text, limit);
    }

    // Recursion is safe: it never goes deeper than MaxDepth.
    private static JsonNode? Copy(JsonNode? node, int depth, Cuts cuts)
    {
        switch (node)
        {
            case null:
                cuts.Spent += 4;
                return null;
            case JsonObject or JsonArray when depth > MaxDepth:
                cuts.Deep++;
                return JsonValue.Create($"[cut: {(node is JsonObject ? "an object" : "an array")} nested deeper than {MaxDepth} levels]");
            case JsonObject obj:
                var keptObject = new JsonObject();
                cuts.Spent += 2;
                foreach (var (name, value) in obj)
                {
                    if (cuts.Spent >= MaxChars)
                    {
                        var left = obj.Count - keptObject.Count;
                        cuts.Dropped += left;
                        keptObject["[cut]"] = $"{left:N0} more members";
                        break;
                    }

                    cuts.Spent += Math.Min(name.Length, MaxStringChars) + 3;
                    keptObject[Shorten(name, MaxStringChars, cuts)] = Copy(value, depth + 1, cuts);
                }

                return keptObject;
            case JsonArray array:
                var keptArray = new JsonArray();
                cuts.Spent += 2;
                foreach (var item in array)
                {
                    if (cuts.Spent >= MaxChars)
                    {
                        var left = array.Count - keptArray.Count;
                        cuts.Dropped += left;
                        keptArray.Add($"[cut: {left:N0} more items]");
                        break;
                    }

                    keptArray.Add(Copy(item, depth + 1, cuts));
                    cuts.Spent++;
                }

                return keptArray;
            default:
                return CopyScalar((JsonValue)node, cuts);
        }
    }

    private static JsonNode? CopyScalar(JsonValue value, Cuts cuts)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            // The source text's length, read in place: a string of megabytes is not copied to be measured.
            var length = JsonMarshal.GetRawUtf8Value(element).Length;
            if (element.ValueKind != JsonValueKind.String || length <= MaxStringChars)
            {
                cuts.Spent += length;
                return JsonValue.Create(element);
            }

            // Only the start is decoded (as its source text, escapes and all): unescaping a string of
            // megabytes to keep two kilobytes of it would copy it twice over.
            var raw = JsonMarshal.GetRawUtf8Value(element)[1..^1];
            var start = Encoding.UTF8.GetString(raw[..Math.Min(raw.Length, 4 * MaxStringChars)]);
            cuts.Strings++;
            cuts.Spent += MaxStringChars;
            return JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"{TextLimit.Start(start, MaxStringChars)}... [cut: {raw.Length:N0} bytes of JSON text]"));
        }
        else if (!JsonText.TryGetString(value, out var plain) || plain.Length <= MaxStringChars)
        {
            cuts.Spent += Math.Min(JsonText.Serialize(value).Length, MaxStringChars);
            return value.DeepClone();
        }

        JsonText.TryGetString(value, out var text);
        cuts.Spent += MaxStringChars;
        return JsonValue.Create(Shorten(text, MaxStringChars, cuts));
    }

    private sealed class Cuts
    {
        public long Spent { get; set; }

        public int Strings { get; set; }

        public int Deep { get; set; }

        public long Dropped { get; set; }

        public bool Any => Strings + Deep + Dropped > 0;

        public string Describe()
        {
            var parts = new List<string>();
            if (Strings > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Strings:N0} string(s) shortened to {MaxStringChars:N0} characters"));
            }

            if (Deep > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Deep:N0} value(s) nested deeper than {MaxDepth} levels left out"));
            }

            if (Dropped > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Dropped:N0} item(s) or member(s) past {MaxChars:N0} characters left out"));
            }

            return $"the reply was cut for the report: {string.Join(", ", parts)}";
        }
    }
}
