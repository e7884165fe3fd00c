using System.Text.Json.Nodes;

namespace Ect.Vectors.Building;

/// <summary>
/// One case as the generator holds it before writing: the fields of a vector file entry, plus
/// comment lines for the elements of an input list (a token's decoded header and payload), which
/// the YAML carries as comments and no reader sees as data.
/// </summary>
public sealed record CaseSpec
{
    public required string Id { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<string> Rules { get; init; }

    public required IReadOnlyList<string> Drafts { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    public IReadOnlyList<string> Flags { get; init; } = [];

    public required string Operation { get; init; }

    public required JsonObject Input { get; init; }

    public required JsonObject Expected { get; init; }

    /// <summary>Comment lines per element of an input list, keyed by the list's member name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Notes { get; init; } =
        new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>();

    /// <summary>The case as a vector-file mapping, members in the file's order.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["description"] = Description,
        ["rules"] = Strings(Rules),
        ["drafts"] = Strings(Drafts),
        ["features"] = Strings(Features),
        ["flags"] = Strings(Flags),
        ["operation"] = Operation,
        ["input"] = Input.DeepClone(),
        ["expected"] = Expected.DeepClone(),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}

/// <summary>What a vector expects of one result: the three verdicts of harness-protocol §1.</summary>
public sealed record Outcome(string Result, IReadOnlyList<string> Codes)
{
    public static Outcome Valid { get; } = new("valid", []);

    /// <summary>Must be rejected, with one of <paramref name="codes"/>.</summary>
    public static Outcome Invalid(params string[] codes) =>
        codes.Length == 0 ? throw new ArgumentException("an invalid outcome names its codes") : new("invalid", codes);

    /// <summary>Either verdict passes; a rejection carries one of <paramref name="codes"/> when given.</summary>
    public static Outcome Acceptable(params string[] codes) => new("acceptable", codes);

    /// <summary>The expected-result object; <paramref name="output"/> members (payload, header, tokens) are added for verdicts that may accept.</summary>
    public JsonObject ToJson(JsonObject? output = null)
    {
        var json = new JsonObject { ["result"] = Result };
        if (Codes.Count == 1)
        {
            json["error"] = Codes[0];
        }
        else if (Codes.Count > 1)
        {
            json["errors"] = new JsonArray(Codes.Select(c => (JsonNode?)c).ToArray());
        }

        if (Result != "invalid" && output is not null)
        {
            foreach (var (name, value) in output)
            {
                json[name] = value?.DeepClone();
            }
        }

        return json;
    }
}
