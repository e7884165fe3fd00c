using System.Text.Json.Nodes;

namespace Ect.Conformance.Cases;

/// <summary>A case in one mode: what is sent to an implementation and how the result is keyed.</summary>
public sealed record CaseRun(VectorCase Case, string Draft)
{
    /// <summary>The key of this run in reports and expectation files: <c>id</c> plus <c>@00</c>/<c>@01</c>.</summary>
    public string Key => $"{Case.Id}@{Draft}";

    /// <summary>The case as the harness sees it: id, operation and input with <c>draft</c> set; no expected results, flags or description.</summary>
    public JsonObject ToRequestCase()
    {
        var input = Case.Input.DeepClone().AsObject();
        input["draft"] = Draft;
        return new JsonObject
        {
            ["id"] = Case.Id,
            ["operation"] = Case.Operation,
            ["input"] = input,
        };
    }

    public override string ToString() => Key;
}
