using System.Text.Json.Nodes;

namespace Ect.Conformance.Cases;

/// <summary>One case as the vector files hold it (harness protocol §1).</summary>
public sealed record VectorCase
{
    /// <summary>The members of a case in a vector file, in the order <see cref="ToJson"/> writes them (the bundle adds <c>source</c> after the id).</summary>
    public static IReadOnlyList<string> MemberNames { get; } =
        ["id", "description", "rules", "drafts", "features", "flags", "operation", "input", "expected"];

    /// <summary>Permanent, unique, namespaced id, e.g. <c>dag::temporal-order::pred-after-child-beyond-skew</c>.</summary>
    public required string Id { get; init; }

    public required string Description { get; init; }

    /// <summary>Profile rule ids, e.g. <c>DAG-3</c>.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>The verifier modes the case applies to ("00", "01"); it runs once per mode.</summary>
    public required IReadOnlyList<string> Drafts { get; init; }

    public IReadOnlyList<string> Features { get; init; } = [];

    public IReadOnlyList<string> Flags { get; init; } = [];

    public required string Operation { get; init; }

    /// <summary>What the implementation receives (without <c>draft</c>, which the runner sets per mode).</summary>
    public required JsonObject Input { get; init; }

    /// <summary>
    /// What the runner expects, never sent to the implementation: one result per token for an
    /// operation that answers per token (<see cref="CaseOperation.HasOneResultPerToken"/>), else one.
    /// </summary>
    public required IReadOnlyList<ExpectedResult> Expected { get; init; }

    /// <summary>The file the case came from, relative to the vectors folder (e.g. <c>dag.yaml</c>).</summary>
    public string Source { get; init; } = "";

    /// <summary>The topic: the first segment of the id.</summary>
    public string Topic => Id.Split("::", 2)[0];

    /// <summary>
    /// The case as JSON, members in vector-file order; <paramref name="withSource"/> adds the file it
    /// came from after the id, as the bundle carries it.
    /// </summary>
    public JsonObject ToJson(bool withSource = false)
    {
        var json = new JsonObject { ["id"] = Id };
        if (withSource)
        {
            json["source"] = Source;
        }

        json["description"] = Description;
        json["rules"] = Strings(Rules);
        json["drafts"] = Strings(Drafts);
        json["features"] = Strings(Features);
        json["flags"] = Strings(Flags);
        json["operation"] = Operation;
        json["input"] = Input.DeepClone();
        json["expected"] = ExpectedJson();
        return json;
    }

    /// <summary>The expected member as the vector file writes it.</summary>
    public JsonObject ExpectedJson() => ExpectedResult.ListToJson(Expected, CaseOperation.HasOneResultPerToken(Operation));

    /// <summary>One run per mode.</summary>
    public IEnumerable<CaseRun> Runs() => Drafts.Select(draft => new CaseRun(this, draft));

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
