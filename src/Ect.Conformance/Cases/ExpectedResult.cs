using System.Text.Json.Nodes;

namespace Ect.Conformance.Cases;

/// <summary>
/// What a case requires of one result (harness protocol §1 "Expected results"): a verdict, the
/// error codes a rejection may carry, and the outputs an accepting answer must return. The one
/// reading and writing of the expected member of a vector file.
/// </summary>
public sealed class ExpectedResult
{
    /// <summary>The outputs a result can be held to, in the order a vector file writes them.</summary>
    public static IReadOnlyList<string> OutputMembers { get; } = ["payload", "header", "tokens"];

    private readonly JsonObject _outputs;

    private ExpectedResult(ExpectedVerdict verdict, IReadOnlyList<string> codes, JsonObject outputs)
    {
        Verdict = verdict;
        Codes = codes;
        _outputs = outputs;
    }

    /// <summary>Must be accepted.</summary>
    public static ExpectedResult Valid { get; } = new(ExpectedVerdict.Valid, [], []);

    public ExpectedVerdict Verdict { get; }

    /// <summary>The codes a rejection may carry; empty for a valid result and for an acceptable one that names none.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The output members this result is held to (<see cref="OutputMembers"/>), in the case's order.</summary>
    public IEnumerable<string> OutputNames => _outputs.Select(p => p.Key);

    /// <summary>Must be rejected, with one of <paramref name="codes"/>.</summary>
    public static ExpectedResult Invalid(params string[] codes) =>
        codes is null || codes.Length == 0
            ? throw new ArgumentException("an invalid result names the codes it may carry", nameof(codes))
            : new(ExpectedVerdict.Invalid, codes.ToArray(), []);

    /// <summary>Either verdict passes; a rejection carries one of <paramref name="codes"/> when any are given.</summary>
    public static ExpectedResult Acceptable(params string[] codes) => new(ExpectedVerdict.Acceptable, (codes ?? []).ToArray(), []);

    /// <summary>
    /// This result holding an accepting answer to <paramref name="outputs"/> (payload, header,
    /// tokens). A result that must be rejected has no outputs, so for it this is the result itself.
    /// </summary>
    public ExpectedResult WithOutputs(JsonObject? outputs)
    {
        if (Verdict == ExpectedVerdict.Invalid || outputs is null || outputs.Count == 0)
        {
            return this;
        }

        var copy = new JsonObject();
        foreach (var (name, value) in outputs)
        {
            copy[CheckOutputName(name)] = value?.DeepClone();
        }

        return new(Verdict, Codes, copy);
    }

    public bool HasOutput(string member) => _outputs.ContainsKey(member);

    /// <summary>A copy of the output <paramref name="member"/>; null when the result does not hold it.</summary>
    public JsonNode? Output(string member) => _outputs[member]?.DeepClone();

    /// <summary>The JSON object of a vector file: <c>result</c>, then <c>error</c> (one code) or <c>errors</c>, then the outputs.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["result"] = Verdict.ToWireName() };
        if (Codes.Count == 1)
        {
            json["error"] = Codes[0];
        }
        else if (Codes.Count > 1)
        {
            json["errors"] = new JsonArray(Codes.Select(c => (JsonNode?)c).ToArray());
        }

        foreach (var (name, value) in _outputs)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>Reads one expected result; <paramref name="where"/> names it in the error (for instance <c>case x: expected</c>).</summary>
    /// <exception cref="FormatException">The object is not an expected result.</exception>
    public static ExpectedResult FromJson(JsonNode? node, string where)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (node is not JsonObject json)
        {
            throw new FormatException($"{where} must be a mapping");
        }

        if (!(json["result"] is JsonValue v && v.TryGetValue<string>(out var name) && ExpectedVerdicts.TryParse(name, out var verdict)))
        {
            throw new FormatException($"{where}.result must be \"valid\", \"invalid\" or \"acceptable\"");
        }

        if (json.ContainsKey("error") && json.ContainsKey("errors"))
        {
            throw new FormatException($"{where} has both error and errors");
        }

        string[] codes = json.ContainsKey("error") ? [Code(json["error"], $"{where}.error")]
            : json["errors"] is JsonArray list && list.Count > 0 ? list.Select((n, i) => Code(n, $"{where}.errors[{i}]")).ToArray()
            : json.ContainsKey("errors") ? throw new FormatException($"{where}.errors must be a non-empty list of codes")
            : [];
        if (verdict == ExpectedVerdict.Invalid && codes.Length == 0)
        {
            throw new FormatException($"{where}: an invalid result names its error or errors");
        }

        if (verdict == ExpectedVerdict.Valid && codes.Length > 0)
        {
            throw new FormatException($"{where}: a valid result names no error");
        }

        var outputs = new JsonObject();
        foreach (var (member, value) in json)
        {
            if (member is "result" or "error" or "errors")
            {
                continue;
            }

            if (!OutputMembers.Contains(member))
            {
                throw new FormatException($"{where} has unknown member \"{member}\"");
            }

            if (verdict == ExpectedVerdict.Invalid)
            {
                throw new FormatException($"{where}: an invalid result has no {member}");
            }

            outputs[member] = value?.DeepClone();
        }

        return new(verdict, codes, outputs);
    }

    /// <summary>
    /// Reads a case's expected member: <c>{"results": [...]}</c>, one per token, for an operation
    /// that answers per token (<see cref="CaseOperation.HasOneResultPerToken"/>), else one result.
    /// </summary>
    /// <exception cref="FormatException">The member is not the expected shape.</exception>
    public static IReadOnlyList<ExpectedResult> ListFromJson(JsonNode? expected, bool perToken, string where)
    {
        if (!perToken)
        {
            return [FromJson(expected, where)];
        }

        if (expected is not JsonObject json || json["results"] is not JsonArray { Count: > 0 } results || json.Count != 1)
        {
            throw new FormatException($"{where} must be {{results: [...]}}, one result per token");
        }

        return results.Select((r, i) => FromJson(r, $"{where}.results[{i}]")).ToArray();
    }

    /// <summary>The case's expected member as a vector file writes it (see <see cref="ListFromJson"/>).</summary>
    public static JsonObject ListToJson(IReadOnlyList<ExpectedResult> results, bool perToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (perToken)
        {
            return new JsonObject { ["results"] = new JsonArray(results.Select(r => (JsonNode?)r.ToJson()).ToArray()) };
        }

        return results.Count == 1 ? results[0].ToJson() : throw new ArgumentException("an operation answered once has one expected result", nameof(results));
    }

    private static string Code(JsonNode? node, string where) =>
        node is JsonValue v && v.TryGetValue<string>(out var code) && code.Length > 0 ? code : throw new FormatException($"{where} must be an error code");

    private static string CheckOutputName(string name) =>
        OutputMembers.Contains(name) ? name : throw new ArgumentException($"\"{name}\" is not an output a result is held to ({string.Join(", ", OutputMembers)})");
}
