using System.Text.Json.Nodes;

namespace Ect.Conformance.Cases;

/// <summary>
/// The verifier and creation parameters of profile section 1, filled into a case's
/// <c>input.options</c> when the vector file leaves them out, so that every consumer of a loaded
/// case (the in-process engine, a harness, the compiled bundle) is told every value it must use.
/// Values the file gives are kept; defaults follow them in the profile's order.
/// </summary>
public static class ProfileDefaults
{
    /// <summary>Verifier parameters with their defaults, in the order of the profile's table (<c>verifier_id</c> has none: each verify vector names it).</summary>
    public static IReadOnlyList<KeyValuePair<string, JsonNode>> Verifier { get; } =
    [
        new("allowed_algs", JsonNode.Parse("[\"ES256\"]")!),
        new("iat_max_age", Number(900)),
        new("iat_max_future", Number(30)),
        new("exp_leeway", Number(0)),
        new("max_pred_length", Number(100)),
        new("dag_clock_skew", Number(30)),
        new("max_ancestors", Number(10_000)),
        new("ext_max_bytes", Number(4096)),
        new("ext_max_depth", Number(5)),
        new("validate_uuids", JsonNode.Parse("true")!),
        new("replay_check", JsonNode.Parse("true")!),
        new("max_token_bytes", Number(65_536)),
    ];

    /// <summary>The parameters the DAG operation uses.</summary>
    public static IReadOnlyList<KeyValuePair<string, JsonNode>> Dag { get; } =
        Verifier.Where(p => p.Key is "max_pred_length" or "dag_clock_skew" or "max_ancestors").ToArray();

    /// <summary>The parameters of <c>create</c> (CRT-2, CRT-3).</summary>
    public static IReadOnlyList<KeyValuePair<string, JsonNode>> Create { get; } =
    [
        new("default_expiry", Number(600)),
        new("validate_uuids", JsonNode.Parse("true")!),
        new("max_pred_length", Number(100)),
        new("ext_max_bytes", Number(4096)),
        new("ext_max_depth", Number(5)),
    ];

    /// <summary>A JSON number as vector files give it (parsed text), so readers see the same node kind either way.</summary>
    private static JsonNode Number(long value) => JsonNode.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture))!;

    /// <summary>
    /// A copy of <paramref name="input"/> with the defaults of <paramref name="operation"/> filled
    /// into <c>options</c> (and an empty <c>store</c> for verify and dag). A verify case must name
    /// <c>options.verifier_id</c>. <c>max_par_length</c>, the -00 name (MIG-7), stands in for
    /// <c>max_pred_length</c>, which is then not filled.
    /// </summary>
    public static JsonObject Fill(string operation, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var defaults = operation switch
        {
            CaseOperation.Verify => Verifier,
            CaseOperation.Dag => Dag,
            CaseOperation.Create => Create,
            _ => null,
        };
        var filled = input.DeepClone().AsObject();
        if (defaults is null)
        {
            return filled;
        }

        if (filled["options"] is not (null or JsonObject))
        {
            throw new FormatException("input.options must be a mapping");
        }

        var given = filled["options"]?.AsObject() ?? [];
        var options = given.DeepClone().AsObject();
        if (operation == CaseOperation.Verify && options["verifier_id"] is not JsonValue)
        {
            throw new FormatException("a verify case names options.verifier_id");
        }

        foreach (var (name, value) in defaults)
        {
            if (options.ContainsKey(name) || (name == "max_pred_length" && options.ContainsKey("max_par_length")))
            {
                continue;
            }

            options[name] = value.DeepClone();
        }

        filled["options"] = options;
        if (operation is CaseOperation.Verify or CaseOperation.Dag && !filled.ContainsKey("store"))
        {
            filled["store"] = new JsonArray();
        }

        return Reorder(filled);
    }

    /// <summary>Puts <c>now</c> and <c>options</c> first, the rest in the file's order, so every filled input reads the same way.</summary>
    private static JsonObject Reorder(JsonObject input)
    {
        var ordered = new JsonObject();
        foreach (var name in new[] { "now", "options" })
        {
            if (input.TryGetPropertyValue(name, out var value))
            {
                input.Remove(name);
                ordered[name] = value;
            }
        }

        foreach (var (name, value) in input.ToList())
        {
            input.Remove(name);
            ordered[name] = value;
        }

        return ordered;
    }
}
